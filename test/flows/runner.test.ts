import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/answers/render-text.js';
import { breachFlow } from '../../src/core/flows/breach.js';
import { parseField } from '../../src/core/flows/fields.js';
import { FlowRunner, type StepResult } from '../../src/core/flows/runner.js';
import type { FlowState } from '../../src/core/flows/types.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { tempDataDir } from '../helpers/cli.js';

let app: Runtime;
let runner: FlowRunner;
beforeAll(async () => {
  app = await createRuntime({ DATA_DIR: tempDataDir() });
  runner = new FlowRunner(app.kb, app.engine, app.store);
});
afterAll(async () => app.store.close());

const who = { conversationId: 'runner', userId: 'u1', channel: 'test' };
const now = new Date('2026-11-24T12:00:00Z');
const undertakings = breachFlow.fields.find((f) => f.id === 'undertakings')!;

/** Types each line in turn; returns the last step and every reply's text. */
async function chat(lines: string[], state?: FlowState, at = now): Promise<{ last: StepResult; said: string[] }> {
  let last: StepResult = state
    ? { state, reply: { intent: 'breach', blocks: [], hits: [], actions: [] } as never }
    : runner.start('breach', undefined, at);
  const said = [renderText(last.reply)];
  for (const line of lines) {
    last = await runner.step(last.state!, line, who, at);
    said.push(renderText(last.reply));
  }
  return { last, said };
}

const UP_TO_UNDERTAKINGS = (compact: string) => [compact, 'Friends of the Park', 'Sam Reporter', 'sam@example.org', 'County Council', '1'];
const AFTER_UNDERTAKINGS = ['Funding ended at two weeks notice.', '2025-01-15', 'A letter.', 'Three months of funding.', 'yes'];

describe('edit compact', () => {
  it('asks again for the undertakings when the new compact does not have them, and stores only ones it has', async () => {
    const { last, said } = await chat([...UP_TO_UNDERTAKINGS('Hertfordshire'), '4.4', ...AFTER_UNDERTAKINGS, 'edit compact', 'Halton']);
    expect(said.at(-1)).toMatch(/You changed “Compact”, so the answer to “Undertakings not kept” no longer fits/);
    expect(said.at(-1)).toMatch(/The undertakings of the Halton Local Compact:/);
    expect(last.state!.values.undertakings).toBeUndefined();
    expect(last.reply.flow).toMatchObject({ stage: 'ask', fieldId: 'undertakings' });
    const refused = await runner.step(last.state!, '4.4', who, now);
    expect(renderText(refused.reply)).toMatch(/Halton Local Compact has no undertaking 4\.4/);
    const picked = await runner.step(refused.state!, '1', who, now);
    expect(picked.reply.flow?.stage).toBe('review');
    expect(picked.state!.values).toMatchObject({ compact: 'halton', undertakings: ['8.1-context'] });
  });

  it('keeps undertakings that still fit ("not sure"), and asks again for a sign-up’s agreement', async () => {
    const kept = await chat([...UP_TO_UNDERTAKINGS('Hertfordshire'), 'not sure', ...AFTER_UNDERTAKINGS, 'edit compact', 'Dacorum']);
    expect(kept.last.reply.flow?.stage).toBe('review');
    expect(kept.last.state!.values).toMatchObject({ compact: 'dacorum', undertakings: ['not-sure'] });

    let step = runner.start('signup', undefined, now);
    const lines = [
      'Halton',
      'Widnes Food Bank',
      'vcs',
      'skip',
      'Sam',
      'Chair',
      'sam@example.org',
      'skip',
      'yes',
      'edit sector',
      'statutory',
    ];
    for (const line of lines) {
      step = await runner.step(step.state!, line, who, now);
    }
    const noLongerFits = /You changed “Sector”, so the answer to “Agrees to adopt the undertakings” no longer fits/;
    expect(renderText(step.reply)).toMatch(noLongerFits);
    expect(step.reply.flow).toMatchObject({ stage: 'ask', fieldId: 'agree' });
  });

  it('gives the chat and a form the same verdict on every undertakings answer', async () => {
    const cases: [string, string][] = [
      ['hertfordshire', '4.4, 4.1'],
      ['halton', '4.4'],
      ['dacorum', '3'],
      ['dacorum', 'statutory-funding-3'],
      ['hertfordshire', '9.9'],
      ['herefordshire', 'Cut without notice'],
    ];
    for (const [compact, input] of cases) {
      const typed = await chat([...UP_TO_UNDERTAKINGS(compact), input]);
      const chatValue = typed.last.state!.values.undertakings;
      const form = parseField(undertakings, input, { kb: app.kb, compact, now });
      expect(form.ok ? form.value : undefined, `${compact} ${input}`).toEqual(chatValue);
    }
  });
});

describe('the undertakings question in a chat', () => {
  it('lists numbers to type: the compact’s own, or places in the list where it has none', async () => {
    const herts = await chat(UP_TO_UNDERTAKINGS('Hertfordshire'));
    expect(herts.said.at(-1)).toMatch(/4\.4: [^\n]+/);
    const dacorum = await chat(UP_TO_UNDERTAKINGS('Dacorum'));
    expect(dacorum.said.at(-1)).toMatch(/\n\s*3: Clear and consistent funding criteria/);
    const picked = await runner.step(dacorum.last.state!, '3, 26', who, now);
    expect(picked.state!.values.undertakings).toEqual(['statutory-funding-1', 'vcs-good-practice-3']);
  });

  it('searches by words ("notice") and shows the matches under the same numbers', async () => {
    const { last, said } = await chat([...UP_TO_UNDERTAKINGS('Hertfordshire'), 'notice']);
    expect(said.at(-1)).toMatch(/Matches in the Hertfordshire Compact:[\s\S]*4\.4: /);
    expect(said.at(-1)).not.toMatch(/give (undertaking )?numbers/i);
    expect(last.reply.actions.map((a) => a.value)).toContain('4.4');
    const form = parseField(undertakings, 'notice', { kb: app.kb, compact: 'hertfordshire', now });
    expect(form.ok).toBe(false);
  });

  it('does not refuse "4.4" for Dacorum as "type words": it points to the list’s numbers', async () => {
    const { said } = await chat([...UP_TO_UNDERTAKINGS('Dacorum'), '4.4']);
    expect(said.at(-1)).toMatch(
      /Dacorum Compact has no undertaking 4\.4 \(4\.4 is numbered so in the Hertfordshire Compact\)\. Type a number from 1 to 26/,
    );
    expect(said.at(-1)).toMatch(/3: Clear and consistent funding criteria/);
  });

  it('says a compact without numbered undertakings (Herefordshire) has none, offering "not sure" and a description', async () => {
    const { last, said } = await chat(UP_TO_UNDERTAKINGS('Herefordshire'));
    expect(said.at(-1)).toMatch(/The Herefordshire Compact sets out no numbered undertakings\. Describe in a few words/);
    expect(last.reply.actions.map((a) => a.value)).toContain('not sure');
    const described = await runner.step(last.state!, 'They cut our grant without asking', who, now);
    expect(described.state!.values.undertakings).toBe('They cut our grant without asking');
    const done = await chat([...AFTER_UNDERTAKINGS], described.state!);
    expect(done.said.at(-1)).toMatch(/Undertakings not kept: They cut our grant without asking/);
  });
});

describe('commands inside a form', () => {
  it('asks "Did you mean to stop this form?" for a command instead of saving it, then goes on, keeps or stops', async () => {
    const asked = await chat(['Hertfordshire', 'report a breach']);
    expect(asked.said.at(-1)).toMatch(/Did you mean to stop this form\? “report a breach” is one of my commands/);
    expect(asked.said.at(-1)).toMatch(/Which organisation are you reporting from/);
    expect(asked.last.state!.values.reporterOrg).toBeUndefined();
    const goOn = await runner.step(asked.last.state!, 'go on', who, now);
    expect(goOn.state!.values.reporterOrg).toBeUndefined();
    expect(goOn.reply.flow).toMatchObject({ stage: 'ask', fieldId: 'reporterOrg' });

    const named = await chat(['Hertfordshire', 'Friends of the Park', 'sign up', 'keep']);
    expect(named.last.state!.values.reporterName).toBe('sign up');

    const stopped = await chat(['Hertfordshire', 'sign up', 'stop']);
    expect(stopped.last.state).toBeUndefined();
    expect(stopped.said.at(-1)).toMatch(/Cancelled\. Nothing/);
    // An answer that only contains the words is an answer.
    const answer = await chat(['Hertfordshire', 'We report breaches to the board']);
    expect(answer.last.state!.values.reporterOrg).toBe('We report breaches to the board');
  });

  it('greets someone coming back to a form they left, without saving what they say first, and goes on or discards', async () => {
    const left = await chat(['Hertfordshire', 'Friends of the Park'], undefined, new Date('2026-11-23T09:00:00Z'));
    const back = await runner.step(left.last.state!, 'hello', who, now);
    const text = renderText(back.reply);
    expect(text).toMatch(/Welcome back\. You have a breach report in progress, at question 3 of 12, “Your name”/);
    expect(text).toMatch(/"go on"[\s\S]*"discard"/);
    expect(back.state!.values.reporterName).toBeUndefined();
    const goOn = await runner.step(back.state!, 'go on', who, now);
    expect(goOn.reply.flow).toMatchObject({ stage: 'ask', fieldId: 'reporterName' });
    const answered = await runner.step(back.state!, 'Sam Reporter', who, now);
    expect(answered.state!.values.reporterName).toBe('Sam Reporter');
    const discarded = await runner.step(back.state!, 'discard', who, now);
    expect(discarded.state).toBeUndefined();
    expect(renderText(discarded.reply)).toMatch(/Cancelled/);
  });
});
