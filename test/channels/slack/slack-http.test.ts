import { describe, expect, it } from 'vitest';
import { buttons, posted } from './calls.js';
import { ADMIN, BOT_TOKEN, blockText, expectNothingSecretLogged, sleep, startedHarness, TEAM } from './harness.js';

const FUNDING = 'what notice is required before our funding is cut?';

const h = startedHarness();

describe('Slack over HTTP: protocol', () => {
  it('answers the url_verification challenge', async () => {
    const res = await h.post(JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-123' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('refuses a forged signature and a stale or future timestamp with 401, calling neither Slack nor the core', async () => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      event_id: 'EvForged1',
      event: { type: 'message', channel_type: 'im', channel: 'D0FORGED', user: 'U0X', text: FUNDING, ts: '1.1' },
    });
    const wrongSecret = await h.post(body, { secret: 'not-the-secret' });
    const stale = await h.post(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const future = await h.post(body, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    const unsigned = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect([wrongSecret.status, stale.status, future.status, unsigned.status]).toEqual([401, 401, 401, 401]);
    expect((await stale.json()).error).toMatch(/five minutes/);
    await sleep(300);
    expect(h.slack.calls).toEqual([]);
    expect(await h.app.store.getConversation(`slack:${TEAM}:D0FORGED`, new Date())).toBeUndefined();
    // The forged event id was not claimed either: only verified requests reach the store.
    expect(await h.app.store.claimEvent('EvForged1', new Date())).toBe(true);
  });

  it('answers malformed requests with a specific 4xx and keeps working', async () => {
    const bad = [
      await h.post('{not json'),
      await h.post(JSON.stringify({ type: 'event_callback', team_id: TEAM, event: { type: 'message' } })),
      await h.post(JSON.stringify({ type: 'something_else' })),
      await h.post('payload=%7Bnot-json', { contentType: 'application/x-www-form-urlencoded' }),
      await h.post('payload=%zz', { contentType: 'application/x-www-form-urlencoded' }),
      await h.post('command=%2Fcompact&text=hi', { contentType: 'application/x-www-form-urlencoded' }),
      await h.post('hello', { contentType: 'text/plain' }),
      await h.post(Buffer.alloc(2 * 1024 * 1024, 'a')),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 415, 413]);
    const errors = await Promise.all(bad.slice(0, 7).map(async (r) => ((await r.json()) as { error: string }).error));
    expect(errors[0]).toBe('body is not valid JSON');
    expect(errors[1]).toBe('event_id: is missing');
    expect(errors[3]).toBe('payload is not valid JSON');
    expect(errors[5]).toBe('user_id: is missing');
    expect(h.slack.calls).toEqual([]);

    const { res } = await h.dm(FUNDING);
    expect(res.status).toBe(200);
    await h.slack.waitFor(posted('D0USER01'));
  });

  it('acknowledges an event at once and answers a retried delivery only once', async () => {
    const first = await h.dm(FUNDING, 'U0USER01', {});
    expect(first.res.status).toBe(200);
    expect(await first.res.text()).toBe('');
    await h.slack.waitFor(posted('D0USER01'));
    const again = await h.event(
      { type: 'message', channel_type: 'im', channel: 'D0USER01', user: 'U0USER01', text: FUNDING, ts: '2.2', event_ts: '2.2' },
      { eventId: first.eventId, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    );
    expect(again.res.status).toBe(200);
    await sleep(500);
    expect(h.slack.ok('chat.postMessage')).toHaveLength(1);
  });

  it('waits out a 429 (Retry-After) and retries a 500, posting the answer exactly once', async () => {
    h.slack.failNext('chat.postMessage', 1, 429);
    const started = Date.now();
    const { res } = await h.dm(FUNDING);
    expect(res.status).toBe(200);
    const ackedAt = Date.now();
    expect(ackedAt - started).toBeLessThan(3000);
    const call = await h.slack.waitFor(posted('D0USER01'));
    expect(blockText(call.body.blocks)).toContain('three months');
    // Acknowledged first; the answer came after Slack's Retry-After of one second.
    const limited = h.slack.calls.find((c) => c.status === 429)!;
    expect(ackedAt).toBeLessThanOrEqual(call.at);
    expect(call.at - limited.at).toBeGreaterThanOrEqual(1000);
    expect(h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429)).toHaveLength(1);
    expect(h.slack.ok('chat.postMessage')).toHaveLength(1);

    h.slack.reset();
    h.slack.failNext('chat.postMessage', 2, 500);
    await h.dm(FUNDING);
    await h.slack.waitFor(posted('D0USER01'));
    expect(h.slack.calls.filter((c) => c.status === 500)).toHaveLength(2);
    expect(h.slack.ok('chat.postMessage')).toHaveLength(1);
  });
});

describe('Slack over HTTP: conversations', () => {
  it('answers a DM in the DM, quoting and citing the compact, with feedback buttons that store feedback', async () => {
    await h.dm(FUNDING);
    const call = await h.slack.waitFor(posted('D0USER01'));
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.body.thread_ts).toBeUndefined();
    const blocks = call.body.blocks as any[];
    expect(blockText(blocks)).toContain('three months');
    const citation = blocks.find((b) => b.type === 'context' && /Hertfordshire Compact 4\.4/.test(b.elements[0].text));
    expect(citation.elements[0].text).toContain('given by statutory organisations');
    const [answer, quote] = blocks.filter((b) => b.type === 'section' && b.text.text.includes('three months'));
    expect(answer.text.text).toMatch(/^\*[^*]*three months[^*]*\* — /);
    expect(quote.text.text.startsWith('>')).toBe(true);
    expect(call.body.text).toContain('three months');

    const up = buttons(blocks).find((b) => b.action_id === 'feedback:up');
    await h.pressButton({ user: 'U0USER01', channel: 'D0USER01', button: up, responseId: 'fb' });
    await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'fb');
    const feedback = await h.app.store.listFeedback();
    expect(feedback.at(-1)).toMatchObject({
      conversationId: `slack:${TEAM}:D0USER01`,
      userId: 'U0USER01',
      channel: 'slack',
      question: FUNDING,
      helpful: true,
    });
    expect(feedback.at(-1)!.answerKeys.length).toBeGreaterThan(0);
  });

  it('answers an @mention in a thread under it, without the mention reaching the core', async () => {
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0USER02',
      text: `<@UBOT0001> ${FUNDING}`,
      ts: '1700000100.000200',
      event_ts: '1700000100.000200',
    });
    const call = await h.slack.waitFor(posted('C0GENERAL'));
    expect(call.body.thread_ts).toBe('1700000100.000200');
    expect(blockText(call.body.blocks)).toContain('three months');
    expect(await h.app.store.getConversation(`slack:${TEAM}:C0GENERAL:1700000100.000200|user:U0USER02`, new Date())).toBeDefined();

    h.slack.reset();
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0USER02',
      text: '<@UBOT0001> and in Dacorum?',
      ts: '1700000200.000300',
      thread_ts: '1700000100.000200',
      event_ts: '1',
    });
    const inThread = await h.slack.waitFor(posted('C0GENERAL'));
    expect(inThread.body.thread_ts).toBe('1700000100.000200');
  });

  it('ignores edits, joins, bot messages and its own messages', async () => {
    await h.dm(FUNDING, 'U0USER01', { subtype: 'message_changed' });
    await h.dm(FUNDING, 'U0USER01', { subtype: 'channel_join' });
    await h.dm(FUNDING, 'U0OTHERBOT', { bot_id: 'B0OTHER' });
    await h.dm(FUNDING, 'UBOT0001', {});
    await sleep(400);
    expect(h.slack.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  it('escapes what users typed, so <!channel> and <@U…> ping no one', async () => {
    for (const text of ['report a breach', 'Hertfordshire', 'Friends of the Park', 'Sam Smith']) {
      h.slack.reset();
      await h.dm(text);
      await h.slack.waitFor(posted('D0USER01'));
    }
    h.slack.reset();
    await h.dm('<!channel> <@U0VICTIM> <!here>');
    const call = await h.slack.waitFor(posted('D0USER01'));
    const all = `${blockText(call.body.blocks)}\n${call.body.text}`;
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).not.toMatch(/<!channel>|<@U0VICTIM>|<!here>/);
    await h.dm('cancel');
    await h.slack.waitFor((c) => posted('D0USER01')(c) && /Cancelled/.test(blockText(c.body.blocks)));
  });

  it('answers quick messages in one conversation in the order they were sent, even when a post is held up', async () => {
    h.slack.failNext('chat.postMessage', 1, 429);
    await h.dm('sign up', 'U0FAST01', { channel: 'D0FAST01' });
    await h.dm('Hertfordshire', 'U0FAST01', { channel: 'D0FAST01' });
    await h.slack.waitFor((c) => posted('D0FAST01')(c) && /name of the organisation/.test(blockText(c.body.blocks)));
    const replies = h.slack.calls.filter(posted('D0FAST01')).map((c) => blockText(c.body.blocks));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/Which compact/);
  });

  it('runs a guided flow in a DM, with buttons that answer for the user', async () => {
    await h.dm('sign up', 'U0FLOW01', { channel: 'D0FLOW01' });
    const prompt = await h.slack.waitFor(posted('D0FLOW01'));
    const herts = buttons(prompt.body.blocks).find((b) => b.text.text === 'Hertfordshire');
    expect(herts.action_id).toMatch(/^reply_action:\d+$/);
    h.slack.reset();
    await h.pressButton({ user: 'U0FLOW01', channel: 'D0FLOW01', button: herts, responseId: 'flow' });
    const next = await h.slack.waitFor(posted('D0FLOW01'));
    expect(blockText(next.body.blocks)).toMatch(/name of the organisation/);
  });
});

describe('Slack over HTTP: /compact', () => {
  it('answers a question privately with a "Share in channel" button that posts it for everyone', async () => {
    const res = await h.command(FUNDING, 'U0USER01', 'q1');
    expect(res.status).toBe(200);
    const answer = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'q1');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blockText(answer.body.blocks)).toContain('three months');
    const share = buttons(answer.body.blocks).find((b) => b.action_id === 'share_answer');
    expect(share.text.text).toBe('Share in channel');

    await h.pressButton({ user: 'U0USER01', channel: 'C0GENERAL', button: share, responseId: 'share', ephemeral: true });
    const shared = await h.slack.waitFor(
      (c) => c.method === 'response_url' && c.responseId === 'share' && c.body.response_type === 'in_channel',
    );
    expect(blockText(shared.body.blocks)).toContain('three months');
    expect(blockText(shared.body.blocks)).toContain('Shared by <@U0USER01>');
    await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'share' && c.body.delete_original === true);
  });

  it('explains a term with define', async () => {
    await h.command('define LSP', 'U0USER01', 'def');
    const answer = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'def');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blockText(answer.body.blocks)).toContain('Local Strategic Partnership');

    await h.command('define', 'U0USER01', 'def2');
    const hint = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'def2');
    expect(blockText(hint.body.blocks)).toContain('/compact define LSP');
  });

  it('shows help for an empty /compact and for /compact help', async () => {
    await h.command('', 'U0USER01', 'help1');
    await h.command('help', 'U0USER01', 'help2');
    for (const id of ['help1', 'help2']) {
      const help = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === id);
      expect(blockText(help.body.blocks)).toContain('/compact define');
    }
  });

  it('lists recent submissions for admins only, auditing each read', async () => {
    await h.app.store.createSubmission({
      kind: 'signup',
      compact: 'halton',
      channel: 'slack',
      userId: 'U0SOMEONE',
      conversationId: 'c',
      data: { organisation: 'Halton Friends' },
      createdAt: new Date(),
    });
    await h.command('reports', 'U0USER01', 'r1');
    const refused = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'r1');
    expect(blockText(refused.body.blocks)).toMatch(/only for the compact team/);
    expect(blockText(refused.body.blocks)).not.toContain('SU-');
    expect(await h.app.store.listAudit()).toEqual([]);

    await h.command('reports', ADMIN, 'r2');
    const list = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'r2');
    expect(blockText(list.body.blocks)).toMatch(/SU-\d{4}-\d+/);
    expect(blockText(list.body.blocks)).toContain('Halton Friends');
    const audit = await h.app.store.listAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: `slack:${TEAM}:${ADMIN}`, action: 'submissions.list' });
    expect(audit[0]!.target).toMatch(/SU-/);
  });
});

describe('Slack over HTTP: logging', () => {
  it('logs neither the bot token, the signing secret nor what users wrote', () => {
    expectNothingSecretLogged(h.logs(), ['funding is cut', 'Local Strategic']);
  });
});
