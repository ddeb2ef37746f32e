import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/channels/slack/block-kit.js';
import { formModal } from '../../src/channels/slack/modals.js';
import { formCard } from '../../src/channels/teams/form-card.js';
import { replyCard } from '../../src/channels/teams/reply-card.js';
import { reply as makeReply } from '../../src/core/answers/compose.js';
import type { Reply } from '../../src/core/answers/reply.js';
import { FLOWS } from '../../src/core/flows/runner.js';
import type { SubmissionKind } from '../../src/core/storage/store.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { tempDataDir } from '../helpers/cli.js';
import { cardProblems, flowProblems, readabilityProblems, replyProblems, slackProblems } from './checks.js';
import { FOUND, HOSTILE_SHARE, hostileText, rng, VALID_ANSWERS } from './hostile-strings.js';

/** Set FUZZ_SEED to explore other inputs; a failure names the seed and the input's index, which rebuild it. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const FREE_INPUTS = 3000;
const FLOW_ROUNDS = 160;
const FORMS = 400;

let app: Runtime;
const dataDir = tempDataDir();
beforeAll(async () => {
  app = await createRuntime({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await app.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const label = (what: string, i: number, text: string) => `seed ${SEED} ${what} #${i}: ${JSON.stringify(text.slice(0, 160))}`;

/** The reply itself, and as each channel renders it. */
function problems(reply: Reply, question?: string): string[] {
  return [
    ...replyProblems(reply, app.kb),
    ...slackProblems(renderReply(reply, { shareQuestion: question })).map((p) => `slack ${p}`),
    ...cardProblems(replyCard(reply)).map((p) => `teams ${p}`),
  ];
}

describe('the checks catch what they look for', () => {
  const ok = makeReply('help', [{ type: 'text', text: 'Fine <!channel> & *bold* [x](javascript:alert(1))' }]);

  it('pass a hostile reply that the renderers escape', () => {
    expect(problems(ok, '<!here>')).toEqual([]);
  });

  it('find mentions, links and markup that are not escaped, and Slack limits broken', () => {
    for (const text of ['<!channel>', 'hi <@U123ABC>', '<#C123|x>', '<https://evil.example|click>', 'a > b', 'Q&A']) {
      expect(slackProblems({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }), text).not.toEqual([]);
    }
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'ok' } };
    expect(slackProblems({ blocks: Array.from({ length: 51 }, () => section) })).toEqual(['51 blocks (Slack allows 50)']);
    expect(slackProblems({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a'.repeat(3001) } }] })).not.toEqual([]);
    expect(slackProblems({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'a'.repeat(151) } }] })).not.toEqual([]);
    expect(slackProblems({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ' ' } }] })).not.toEqual([]);
    expect(slackProblems({ blocks: [], text: '<!here>' })).not.toEqual([]);
  });

  it('find links, actions and unescaped markdown on a card, and buttons the bot would refuse', () => {
    const card = (body: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body });
    expect(cardProblems(card([{ type: 'TextBlock', text: '[x](javascript:alert(1))' }]))).not.toEqual([]);
    expect(cardProblems(card([{ type: 'TextBlock', text: '- item' }]))).not.toEqual([]);
    expect(cardProblems(card([{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', url: 'https://evil.example' }] }]))).not.toEqual([]);
    expect(cardProblems(card([{ type: 'Container', selectAction: { type: 'Action.Submit' }, items: [] }]))).not.toEqual([]);
    expect(
      cardProblems(
        card([
          {
            type: 'ActionSet',
            actions: [
              { type: 'Action.Submit', title: 'x', data: { compactBot: 'feedback', helpful: true, question: 'q'.repeat(2001), keys: [] } },
            ],
          },
        ]),
      ),
    ).not.toEqual([]);
    expect(cardProblems(card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x'.repeat(50_000) }] }]))).not.toEqual([]);
  });

  it('find control characters, broken UTF-16, empty text, altered quotes and lost flows', () => {
    expect(readabilityProblems('a\u0000b', 'x')).not.toEqual([]);
    expect(readabilityProblems('a\u202eb', 'x')).not.toEqual([]);
    expect(readabilityProblems('a\ud83d', 'x')).not.toEqual([]);
    expect(readabilityProblems(' \n', 'x')).not.toEqual([]);
    const hit = app.engine.answer('what notice is required before our funding is cut?', {}).reply.hits[0]!;
    expect(replyProblems(makeReply('answer', [{ type: 'quote', hit }], { hits: [hit] }), app.kb)).toEqual([]);
    expect(replyProblems(makeReply('answer', [{ type: 'quote', hit: { ...hit, text: `${hit.text} or not` } }]), app.kb)).not.toEqual([]);
    expect(flowProblems(makeReply('breach', [{ type: 'text', text: 'Hello' }]), false)).toEqual(['the flow was lost']);
    expect(
      flowProblems(
        makeReply('breach', [{ type: 'text', text: 'x' }], { flow: { flowId: 'breach', title: 't', stage: 'ask', fieldId: 'what' } }),
        false,
      ),
    ).not.toEqual([]);
  });

  it('the generator is repeatable and covers every kind of hostile input', () => {
    expect(hostileText(SEED, 17)).toBe(hostileText(SEED, 17));
    const all = Array.from({ length: FREE_INPUTS }, (_, i) => hostileText(SEED, i));
    const some = (test: (s: string) => boolean) => all.some(test);
    expect(some((s) => s.length >= 1_000_000)).toBe(true);
    expect(some((s) => s.length >= 100_000 && s.length < 1_000_000)).toBe(true);
    expect(some((s) => s.trim() === '')).toBe(true);
    for (const piece of [
      '<!channel>',
      '<@U123ABC>',
      '<https://evil.example|click>',
      '${expr}',
      'Action.OpenUrl',
      '<script>',
      '[go](javascript:alert(1))',
      '\u202e',
      '\u200b',
      '\u0000',
      '\ud800',
    ]) {
      expect(
        some((s) => s.includes(piece)),
        piece,
      ).toBe(true);
    }
  });
});

describe(`hostile input through the core and both renderers (seed ${SEED})`, () => {
  it(`answers ${FREE_INPUTS} hostile messages readably, and both channels render them safely`, async () => {
    for (let i = 0; i < FREE_INPUTS; i++) {
      const text = FOUND[i] ?? hostileText(SEED, i);
      const who = { conversationId: `free-${i % 25}`, userId: 'u1', channel: 'test' };
      // Every third one as /compact asks it: answered privately, a request for a flow comes back as a form.
      if (i % 3 === 0) {
        const answered = await app.bot.answerPrivately({ ...who, conversationId: `private-${i % 7}`, text });
        expect(problems(answered.reply, text), label('private', i, text)).toEqual([]);
        if (answered.form) {
          const modal = formModal(answered.form.flow, app.kb, { conversationId: who.conversationId }, answered.form.compact);
          expect(slackProblems(modal, 100), label('modal', i, text)).toEqual([]);
        }
        continue;
      }
      expect(problems(await app.bot.handle({ ...who, text }), text), label('message', i, text)).toEqual([]);
    }
  });

  it(`keeps ${FLOW_ROUNDS} guided flows going through hostile answers, back, help and edit`, async () => {
    let inputs = 0;
    let submitted = 0;
    for (let round = 0; round < FLOW_ROUNDS; round++) {
      const r = rng(SEED, 1_000_000 + round);
      const who = { conversationId: `flow-${round}`, userId: 'u2', channel: 'test' };
      const flowId: SubmissionKind = round % 2 === 0 ? 'breach' : 'signup';
      let reply = await app.bot.handle({ ...who, text: flowId === 'breach' ? 'report a breach' : 'I want to sign up' });
      expect(flowProblems(reply, false), `seed ${SEED} flow round ${round} start`).toEqual([]);
      for (let step = 0; step < 60; step++) {
        const atReview = reply.flow!.stage === 'review';
        const hostile = hostileText(SEED, 2_000_000 + round * 100 + step, { maxLength: r.chance(0.9) ? 300 : 1_000_000 });
        let text: string;
        if (atReview) {
          const field = r.pick(FLOWS[flowId].fields).id;
          text = r.pick([
            `edit ${field}`,
            `edit ${hostile}`,
            hostile,
            r.pick(FOUND),
            'back',
            'help',
            `change ${field}`,
            step > 30 ? 'submit' : hostile,
          ]);
        } else {
          const roll = r.next();
          const valid = VALID_ANSWERS[reply.flow!.fieldId!]!;
          // A hostile answer that is also valid (words around the value) gets stored, and shown again at review.
          text =
            roll < 0.45 ? hostile : roll < 0.65 ? `${hostile.slice(0, 60)} ${valid}` : roll < 0.9 ? valid : r.pick(['back', 'help', '?']);
        }
        inputs++;
        reply = await app.bot.handle({ ...who, text });
        const where = label(`flow round ${round} step`, step, text);
        expect(flowProblems(reply, atReview), where).toEqual([]);
        expect(problems(reply), where).toEqual([]);
        if (reply.flow!.stage === 'done') {
          submitted++;
          break;
        }
      }
    }
    expect(inputs).toBeGreaterThan(FLOW_ROUNDS * 20);
    // Some flows ran all the way through hostile answers to a stored submission.
    expect(submitted).toBeGreaterThan(0);
  });

  it(`validates ${FORMS} hostile form submissions field by field; the Teams form shows them back safely`, async () => {
    for (let i = 0; i < FORMS; i++) {
      const r = rng(SEED, 3_000_000 + i);
      const flow = FLOWS[i % 2 === 0 ? 'breach' : 'signup'];
      const values = Object.fromEntries(
        flow.fields.map((f, k) => [
          f.id,
          r.chance(HOSTILE_SHARE[i % 3]!) ? hostileText(SEED, 3_000_000 + i * 20 + k, { maxLength: 3000 }) : VALID_ANSWERS[f.id],
        ]),
      );
      const result = await app.bot.submitForm({ conversationId: `form-${i}`, userId: 'u3', channel: 'test' }, flow.id, values);
      const where = label('form', i, JSON.stringify(values));
      if ('errors' in result) {
        const errors = Object.entries(result.errors);
        expect(errors.length, where).toBeGreaterThan(0);
        for (const [field, message] of errors) {
          expect(
            flow.fields.map((f) => f.id),
            where,
          ).toContain(field);
          expect(readabilityProblems(message, field), where).toEqual([]);
        }
        expect(cardProblems(formCard(flow, app.kb, { values, errors: result.errors })), where).toEqual([]);
      } else {
        expect(result.reply.submission?.ref, where).toMatch(/^(BR|SU)-\d{4}-\d{4}$/);
        expect(problems(result.reply), where).toEqual([]);
      }
    }
  });
});
