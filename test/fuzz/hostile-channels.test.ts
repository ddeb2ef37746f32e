import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateKey } from '../../src/core/conversation.js';
import { FLOWS } from '../../src/core/flows/runner.js';
import type { FlowState } from '../../src/core/flows/types.js';
import { Harness, TEAM } from '../channels/slack/harness.js';
import { ADMIN_AAD, BOT_ID, cardOf, TeamsHarness } from '../channels/teams/harness.js';
import type { RecordedCall } from '../fakes/slack-api.js';
import { cardProblems, readabilityProblems, slackProblems } from './checks.js';
import { FOUND, HOSTILE_SHARE, hostileText, type Rng, rng, VALID_ANSWERS } from './hostile-strings.js';

/** Set FUZZ_SEED to explore other inputs; a failure names the seed and the input's index, which rebuild it. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** Each is an HTTP round trip, so fewer than through the core alone. */
const PER_KIND = 200;
const MAX_LENGTH = 100_000;

const label = (what: string, i: number, text: string) => `seed ${SEED} ${what} #${i}: ${JSON.stringify(text.slice(0, 160))}`;

/** Mostly hostile; now and then a flow started, or an answer (hostile words around it) that moves the flow on. */
function nextText(r: Rng, index: number, flow: FlowState | undefined): string {
  const hostile = hostileText(SEED, index, { maxLength: MAX_LENGTH });
  const roll = r.next();
  if (!flow) return roll < 0.15 ? r.pick(['report a breach', 'sign up']) : hostile;
  const field = FLOWS[flow.flowId].fields[flow.at];
  if (!field) return roll < 0.3 ? 'submit' : roll < 0.5 ? `edit ${r.pick(FLOWS[flow.flowId].fields).id}` : hostile;
  return roll < 0.3 ? VALID_ANSWERS[field.id]! : roll < 0.5 ? `${hostile.slice(0, 60)} ${VALID_ANSWERS[field.id]}` : hostile;
}

describe(`hostile input through Slack over HTTP (seed ${SEED})`, () => {
  const h = new Harness();
  beforeAll(async () => {
    await h.start();
  }, 60_000);
  afterAll(async () => h.stop());

  const count = (test: (c: RecordedCall) => boolean) => h.slack.calls.filter(test).length;
  /** Waits until `test` matches more calls than `before`, and returns the newest. */
  async function next(test: (c: RecordedCall) => boolean, before: number, where: string): Promise<RecordedCall> {
    await h.slack.waitFor(() => count(test) > before).catch(() => expect.fail(`${where}: the bot sent nothing`));
    return h.slack.calls.filter(test).at(-1)!;
  }
  const flowOf = async (conversationId: string) =>
    ((await h.app.store.getConversation(conversationId, new Date())) as { flow?: FlowState } | undefined)?.flow;
  const messageIn = (channel: string) => (c: RecordedCall) =>
    c.method === 'chat.postMessage' && c.status === 200 && c.body.channel === channel;

  it(`acknowledges ${PER_KIND} hostile DMs, flows included, and posts a safe reply to each`, async () => {
    const r = rng(SEED, 5_000_000);
    for (let i = 0; i < PER_KIND; i++) {
      const text = nextText(r, 5_000_000 + i, await flowOf(stateKey({ conversationId: `slack:${TEAM}:D0FUZZ01`, userId: 'U0FUZZ01' })));
      const before = count(messageIn('D0FUZZ01'));
      const { res } = await h.dm(text, 'U0FUZZ01', { channel: 'D0FUZZ01' });
      expect(res.status, label('dm', i, text)).toBe(200);
      const posted = await next(messageIn('D0FUZZ01'), before, label('dm', i, text));
      expect(slackProblems(posted.body), label('dm', i, text)).toEqual([]);
    }
  });

  it(`answers ${PER_KIND} hostile /compact commands privately or with a form`, async () => {
    for (let i = 0; i < PER_KIND; i++) {
      const text = FOUND[i] ?? hostileText(SEED, 6_000_000 + i, { maxLength: MAX_LENGTH });
      const id = `fz${i}`;
      const answer = (c: RecordedCall) =>
        (c.method === 'response_url' && c.responseId === id) || (c.method === 'views.open' && c.body.trigger_id === `trigger-${id}`);
      const res = await h.command(text, 'U0FUZZ02', id);
      expect(res.status, label('command', i, text)).toBe(200);
      const call = await next(answer, 0, label('command', i, text));
      expect(
        call.method === 'views.open' ? slackProblems(call.body.view, 100) : slackProblems(call.body),
        label('command', i, text),
      ).toEqual([]);
    }
  });

  it(`answers ${PER_KIND / 2} hostile button values and ${PER_KIND / 2} hostile modal submissions`, async () => {
    for (let i = 0; i < PER_KIND / 2; i++) {
      const value = hostileText(SEED, 7_000_000 + i, { maxLength: 2000 });
      const before = count(messageIn('D0FUZZ03'));
      const res = await h.pressButton({
        user: 'U0FUZZ03',
        channel: 'D0FUZZ03',
        button: { action_id: 'reply_action:0', value },
        responseId: `b${i}`,
      });
      expect(res.status, label('button', i, value)).toBe(200);
      expect(slackProblems((await next(messageIn('D0FUZZ03'), before, label('button', i, value))).body), label('button', i, value)).toEqual(
        [],
      );
    }
    for (let i = 0; i < PER_KIND / 2; i++) {
      const r = rng(SEED, 8_000_000 + i);
      const flow = FLOWS[i % 2 === 0 ? 'breach' : 'signup'];
      const state: Record<string, Record<string, unknown>> = {};
      for (const [k, f] of flow.fields.entries()) {
        const v = r.chance(HOSTILE_SHARE[i % 3]!) ? hostileText(SEED, 8_000_000 + i * 20 + k, { maxLength: 3000 }) : VALID_ANSWERS[f.id]!;
        // A forged payload may put any string where Slack would put a chosen option or date.
        state[f.id] = {
          value:
            f.type === 'compact' || f.type === 'choice' || f.type === 'yes-no' || f.type === 'agree'
              ? { type: 'static_select', selected_option: { value: v } }
              : f.type === 'date'
                ? { type: 'datepicker', selected_date: v }
                : { type: 'plain_text_input', value: v },
        };
      }
      const before = count(messageIn('U0FUZZ04'));
      const res = await h.interaction({
        type: 'view_submission',
        user: { id: 'U0FUZZ04', team_id: TEAM },
        trigger_id: `trig-v${i}`,
        view: {
          id: `V${i}`,
          type: 'modal',
          callback_id: `form:${flow.id}`,
          private_metadata: JSON.stringify({ conversationId: `slack:${TEAM}:user:U0FUZZ04` }),
          state: { values: state },
        },
      });
      const where = label('modal', i, JSON.stringify(state));
      expect(res.status, where).toBe(200);
      const body = await res.text();
      if (body === '') {
        expect(slackProblems((await next(messageIn('U0FUZZ04'), before, where)).body), where).toEqual([]);
        continue;
      }
      const { response_action, errors } = JSON.parse(body) as { response_action: string; errors: Record<string, string> };
      expect(response_action, where).toBe('errors');
      for (const [field, message] of Object.entries(errors)) {
        expect(
          flow.fields.map((f) => f.id),
          where,
        ).toContain(field);
        expect(readabilityProblems(message, field), where).toEqual([]);
      }
    }
  });

  it('refuses hostile bodies that are not Slack requests with a specific 4xx', async () => {
    for (let i = 0; i < 40; i++) {
      const body = hostileText(SEED, 9_000_000 + i, { maxLength: MAX_LENGTH });
      const contentType = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'][i % 3]!;
      const res = await h.post(body, { contentType });
      expect([400, 415], label(`body as ${contentType}`, i, body)).toContain(res.status);
      expect(((await res.json()) as { error: string }).error, label('body', i, body)).toMatch(/\w/);
    }
  });

  it('sent nothing to Slack, announcements and the Home tab included, that fails the checks', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0FUZZ04', channel: 'D0FUZZ04', tab: 'home', event_ts: '1' });
    await h.slack.waitFor((c) => c.method === 'views.publish');
    const messages = h.slack.calls.filter((c) => Array.isArray(c.body.blocks));
    expect(messages.some((c) => c.body.channel === 'CREPORTS1')).toBe(true);
    for (const c of messages) expect(slackProblems(c.body), `${c.method} to ${String(c.body.channel)}`).toEqual([]);
    for (const c of h.slack.calls.filter((c) => Array.isArray(c.body.view?.blocks)))
      expect(slackProblems(c.body.view, 100), c.method).toEqual([]);
  });
});

describe(`hostile input through Teams over HTTP (seed ${SEED})`, () => {
  let t: TeamsHarness;
  beforeAll(async () => {
    t = await TeamsHarness.start({ TEAMS_LOCAL_MODE: '1', TEAMS_ADMIN_AAD_IDS: ADMIN_AAD });
    // Breach reports are announced in this channel, so the notices get checked too. Local mode has no
    // administrators, so the setting an administrator's "reports here" leaves is written directly.
    const conversation = { id: '19:general@thread.tacv2', conversationType: 'channel' };
    const reference = { bot: { id: BOT_ID }, channelId: 'msteams', serviceUrl: t.connector.url, conversation };
    await t.app.store.setSetting('teams.reports.reference', JSON.stringify(reference));
  });
  afterAll(async () => t.stop());

  /** Posts an activity; every card the bot sent because of it must pass the checks. */
  async function turn(activity: Record<string, unknown>, where: string): Promise<void> {
    const before = t.connector.calls.length;
    const res = await t.post(activity);
    expect(res.status, `${where}: ${res.body}`).toBe(200);
    const calls = t.connector.calls.slice(before);
    expect(calls.length, where).toBeGreaterThan(0);
    for (const call of calls) expect(cardProblems(cardOf(call)), where).toEqual([]);
  }
  const flowOf = async (conversationId: string) =>
    ((await t.app.store.getConversation(conversationId, new Date())) as { flow?: FlowState } | undefined)?.flow;

  it(`answers ${PER_KIND} hostile messages in a personal chat, flows included`, async () => {
    const r = rng(SEED, 10_000_000);
    for (let i = 0; i < PER_KIND; i++) {
      const text = nextText(r, 10_000_000 + i, await flowOf(stateKey({ conversationId: 'teams:a:fuzz-1', userId: '29:fuzz' })));
      await turn(
        t.personal(text, {
          conversation: { id: 'a:fuzz-1', conversationType: 'personal' },
          from: { id: '29:fuzz', name: hostileText(SEED, 10_500_000 + i, { maxLength: 200 }) },
        }),
        label('personal', i, text),
      );
    }
  });

  it(`answers ${PER_KIND} hostile channel mentions and card buttons`, async () => {
    for (let i = 0; i < PER_KIND; i++) {
      const text = FOUND[i] ?? hostileText(SEED, 11_000_000 + i, { maxLength: MAX_LENGTH });
      if (i % 2 === 0) await turn(t.channel(text, true), label('mention', i, text));
      else
        await turn(
          t.submit({ compactBot: 'message', text }, `sent-${i}`, { id: 'a:fuzz-2', conversationType: 'personal' }),
          label('button', i, text),
        );
    }
  });

  it(`validates ${PER_KIND / 2} hostile card forms, showing them back safely`, async () => {
    for (let i = 0; i < PER_KIND / 2; i++) {
      const r = rng(SEED, 12_000_000 + i);
      const flow = FLOWS[i % 2 === 0 ? 'breach' : 'signup'];
      const values = Object.fromEntries(
        flow.fields.map((f, k) => [
          f.id,
          r.chance(HOSTILE_SHARE[i % 3]!) ? hostileText(SEED, 12_000_000 + i * 20 + k, { maxLength: 3000 }) : VALID_ANSWERS[f.id],
        ]),
      );
      await turn(
        t.submit({ compactBot: 'form', flowId: flow.id, ...values }, `form-${i}`, { id: 'a:fuzz-3', conversationType: 'personal' }),
        label('form', i, JSON.stringify(values)),
      );
    }
    const notices = t.connector.calls.filter((c) => c.conversationId === '19:general@thread.tacv2');
    expect(notices.length).toBeGreaterThan(0);
  });

  it('refuses hostile bodies that are not activities with 400 and says why', async () => {
    for (let i = 0; i < 40; i++) {
      const text = hostileText(SEED, 13_000_000 + i, { maxLength: MAX_LENGTH });
      // Either not JSON (or not an object), or an activity with a part it cannot do without made empty.
      const body = i % 2 === 0 ? text : { ...t.activity({ text }), [['type', 'conversation', 'recipient'][i % 3]!]: { id: '' } };
      const res = await t.post(body);
      expect(res.status, label('activity', i, text)).toBe(400);
      expect((JSON.parse(res.body) as { error: string }).error, label('activity', i, text)).toMatch(/\w/);
    }
    expect(t.connector.unexpected).toEqual([]);
  });
});
