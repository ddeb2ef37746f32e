import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../../../src/core/flows/runner.js';
import { ADMIN_AAD, BOT_ID, cardOf, cardText, submitsOf, TeamsHarness } from './harness.js';

const FUNDING = 'what notice is required before our funding is cut?';
const CHANNEL = '19:general@thread.tacv2';
const REPORTS = '19:reports@thread.tacv2';

let h: TeamsHarness;
beforeAll(async () => {
  h = await TeamsHarness.start({ TEAMS_LOCAL_MODE: '1', TEAMS_ADMIN_AAD_IDS: ADMIN_AAD });
});
afterAll(async () => h.stop());

type Card = any;
const inputs = (card: Card): any[] => (card.body as Card[]).filter((e) => String(e.type).startsWith('Input.'));
const inputOf = (card: Card, id: string) => inputs(card).find((i) => i.id === id);
/** The element right after the input (and its help line): where a field's error goes. */
const errorUnder = (card: Card, id: string): string | undefined => {
  const body = card.body as Card[];
  const next = body[body.findIndex((e) => e.id === id) + 2];
  return next?.type === 'RichTextBlock' && next.inlines[0].color === 'Attention' ? next.inlines[0].text : undefined;
};

const validBreach = {
  compact: 'hertfordshire',
  reporterOrg: 'Acme Community Trust',
  reporterName: 'Jo Bloggs',
  reporterEmail: 'jo@example.org',
  aboutOrg: '[Pay here](https://evil.example) _now_',
  signatories: 'both',
  undertakings: 'hertfordshire:4.4',
  what: 'Our grant was ended with two weeks’ notice and no reasons.',
  when: '2025-06-01',
  tried: 'We wrote to the commissioner.',
  outcome: 'Three months of funding while we plan.',
  consent: 'yes',
};

describe('Teams channel, local mode', () => {
  it('warns loudly at start that requests are not authenticated', () => {
    expect(h.logs.some((l) => l.level === 40 && /LOCAL MODE.*NOT authenticated/.test(String(l.msg)))).toBe(true);
  });

  it('answers a personal-chat question with one Adaptive Card reply, quoted and cited, and a text fallback', async () => {
    const [call, ...more] = await h.send(h.personal(FUNDING));
    expect(more).toHaveLength(0);
    expect(call!.method).toBe('POST');
    expect(call!.conversationId).toBe('a:personal-1');
    expect(call!.activityId).toBe('in-1');
    const card = cardOf(call!);
    expect(card.type).toBe('AdaptiveCard');
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    const text = cardText(card);
    expect(text).toContain("three months' notice in writing");
    expect(text).toContain('Hertfordshire Compact 4.4 · given by statutory organisations');
    const quote = (card.body as Card[]).find((e) => e.type === 'Container' && cardText(e).includes('Hertfordshire Compact 4.4'));
    expect(quote.style).toBe('emphasis');
    expect(cardText(quote.items[0])).toContain("three months' notice in writing");
    expect(quote.items[1]).toMatchObject({ type: 'TextBlock', isSubtle: true, size: 'Small' });
    for (const fallback of [call!.activity.summary, card.fallbackText]) {
      expect(fallback).toContain("three months' notice in writing");
      expect(fallback).toContain('Hertfordshire Compact 4.4');
    }
    expect(submitsOf(card).map((s) => s.title)).toEqual(expect.arrayContaining(['👍 Helpful', '👎 Not helpful']));
  });

  it('answers a channel message that mentions the bot, with the mention taken out, in the thread', async () => {
    const [call] = await h.send(h.channel(FUNDING, true));
    expect(call!.conversationId).toBe(`${CHANNEL};messageid=1700000000000`);
    const card = cardOf(call!);
    expect(cardText(card)).toContain("three months' notice in writing");
    // The question stored for 👍/👎 is the user's, without "<at>compact-bot</at>".
    const feedback = submitsOf(card).find((s) => s.data.compactBot === 'feedback');
    expect(feedback!.data.question).toBe(FUNDING);
  });

  it('reads the question after a mention in the middle of the text', async () => {
    const a = h.channel('', true, {
      text: 'so, <at>compact-bot</at> what is an LSP?',
    });
    const [call] = await h.send(a);
    expect(cardText(cardOf(call!))).toMatch(/Local Strategic Partnership/);
  });

  it('answers a group chat mention whose entity has no text of its own', async () => {
    const [call] = await h.send(
      h.activity({
        text: '<at>compact-bot</at> what is an LSP?\r\n',
        conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true },
        entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'compact-bot' } }],
      }),
    );
    expect(call!.conversationId).toBe('19:group@thread.v2');
    expect(cardText(cardOf(call!))).toMatch(/Local Strategic Partnership/);
  });

  it('ignores a channel message that does not mention it', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(h.channel(FUNDING, false));
    expect(res.status).toBe(200);
    expect(h.connector.calls.length).toBe(before);
  });

  it('routes a card button back through the conversation', async () => {
    const [help] = await h.send(h.personal('help', { conversation: { id: 'a:buttons', conversationType: 'personal' } }));
    const buttons = submitsOf(cardOf(help!));
    expect(buttons.map((b) => b.data.text)).toEqual(expect.arrayContaining(['sign up', 'report a breach', 'signup form', 'report form']));
    const example = buttons.find((b) => /notice/i.test(b.data.text))!;
    expect(example.data).toEqual({ compactBot: 'message', text: expect.any(String) });
    const [answer] = await h.send(h.submit(example.data, 'sent-help', { id: 'a:buttons', conversationType: 'personal' }));
    expect(cardText(cardOf(answer!))).toContain("three months' notice in writing");
  });

  it('stores 👍/👎 feedback', async () => {
    const [answer] = await h.send(h.personal(FUNDING, { conversation: { id: 'a:feedback', conversationType: 'personal' } }));
    const down = submitsOf(cardOf(answer!)).find((s) => s.title === '👎 Not helpful')!;
    const [thanks] = await h.send(h.submit(down.data, 'sent-x', { id: 'a:feedback', conversationType: 'personal' }));
    expect(cardText(cardOf(thanks!))).toMatch(/feedback is recorded/);
    const stored = (await h.app.store.listFeedback()).find((f) => f.conversationId === 'teams:a:feedback');
    expect(stored).toMatchObject({ channel: 'teams', userId: ADMIN_AAD, question: FUNDING, helpful: false });
    expect(stored!.answerKeys).toContain('hertfordshire:undertaking:4.4');
  });

  it('says so when a button carries data it cannot read', async () => {
    const [call] = await h.send(h.submit({ compactBot: 'feedback', helpful: 'very' }, 'sent-x'));
    expect(cardText(cardOf(call!))).toMatch(/could not read that button/);
  });

  it('takes no channel for report notices when installed, and in local mode lets no one choose one', async () => {
    const [welcome] = await h.send(
      h.activity({
        type: 'conversationUpdate',
        conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true },
        membersAdded: [{ id: BOT_ID }],
        channelData: { team: { id: CHANNEL }, eventType: 'teamMemberAdded' },
      }),
    );
    expect(cardText(cardOf(welcome!))).toMatch(/An administrator can have new breach reports announced in a channel/);
    expect(await h.app.store.getSetting('teams.reports.reference')).toBeUndefined();
    // The harness's user carries an administrator's aadObjectId, which local mode cannot check.
    const inReports = { conversation: { id: `${REPORTS};messageid=42`, conversationType: 'channel', isGroup: true } };
    const [refused] = await h.send(h.channel('reports here', true, inReports));
    expect(cardText(cardOf(refused!))).toMatch(/need an authenticated Teams connection/);
    expect(await h.app.store.getSetting('teams.reports.reference')).toBeUndefined();
  });

  describe('the breach report form', () => {
    const conversation = { id: 'a:form', conversationType: 'personal' };
    let form: Card;

    it('is an Adaptive Card form generated from the flow definition', async () => {
      const [call] = await h.send(h.personal('report form', { conversation }));
      form = cardOf(call!);
      const flow = FLOWS.breach;
      expect(inputs(form).map((i) => i.id)).toEqual(flow.fields.map((f) => f.id));
      for (const f of flow.fields) {
        const i = inputOf(form, f.id);
        expect(i.label).toBe(f.label);
        expect(i.isRequired).toBe(!f.optional);
        if (f.maxLength) expect(i.maxLength).toBe(f.maxLength);
        if (f.placeholder && i.type === 'Input.Text') expect(i.placeholder).toBe(f.placeholder);
      }
      expect(inputOf(form, 'what')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000 });
      expect(inputOf(form, 'reporterEmail')).toMatchObject({
        type: 'Input.Text',
        style: 'Email',
        regex: expect.any(String),
        errorMessage: expect.any(String),
      });
      expect(inputOf(form, 'compact').type).toBe('Input.ChoiceSet');
      expect(inputOf(form, 'compact').choices.map((c: Card) => c.value)).toContain('hertfordshire');
      expect(inputOf(form, 'signatories').choices).toHaveLength(5);
      expect(inputOf(form, 'consent').choices.map((c: Card) => c.value)).toEqual(['yes', 'no']);
      expect(form.actions).toEqual([
        expect.objectContaining({ type: 'Action.Submit', title: 'Submit', data: { compactBot: 'form', flowId: 'breach' } }),
        expect.objectContaining({
          type: 'Action.Submit',
          title: 'Cancel',
          data: { compactBot: 'cancel', flowId: 'breach' },
          associatedInputs: 'none',
        }),
      ]);
    });

    it('comes back with the error under the field and every answer kept', async () => {
      const before = (await h.app.store.listSubmissions({ kind: 'breach' })).length;
      const [call] = await h.send(
        h.submit({ compactBot: 'form', flowId: 'breach', ...validBreach, reporterEmail: 'jo at example' }, 'sent-form', conversation),
      );
      expect(call!.method).toBe('PUT');
      expect(call!.activityId).toBe('sent-form');
      const card = cardOf(call!);
      expect(errorUnder(card, 'reporterEmail')).toMatch(/"jo at example" is not an email address/);
      expect(errorUnder(card, 'reporterOrg')).toBeUndefined();
      expect(cardText(card)).toMatch(/Please correct the answer marked below/);
      for (const [id, value] of Object.entries({ ...validBreach, reporterEmail: 'jo at example' }))
        expect(inputOf(card, id).value).toBe(value);
      expect((await h.app.store.listSubmissions({ kind: 'breach' })).length).toBe(before);
    });

    it('stores a valid report, confirms it with its reference, and posts a notice without personal details', async () => {
      // Where an administrator's "reports here" (teams-auth.test.ts) leaves the reports channel.
      const reportsChannel = { id: REPORTS, conversationType: 'channel' };
      const reference = { bot: { id: BOT_ID }, channelId: 'msteams', serviceUrl: h.connector.url, conversation: reportsChannel };
      await h.app.store.setSetting('teams.reports.reference', JSON.stringify(reference));
      const calls = await h.send(h.submit({ compactBot: 'form', flowId: 'breach', ...validBreach }, 'sent-form', conversation), 2);
      const confirmation = calls.find((c) => c.method === 'PUT')!;
      const ref = /Reference (BR-\d{4}-\d{4})/.exec(cardText(cardOf(confirmation)))![1]!;
      const stored = await h.app.store.getSubmission(ref);
      expect(stored).toMatchObject({ kind: 'breach', channel: 'teams', conversationId: 'teams:a:form', compact: 'hertfordshire' });
      expect(stored!.data).toMatchObject({ reporterEmail: 'jo@example.org', undertakings: ['4.4'], when: '2025-06-01', consent: true });

      const notice = calls.find((c) => c.method === 'POST')!;
      expect(notice.conversationId).toBe(REPORTS);
      expect(notice.activityId).toBeUndefined();
      const text = cardText(cardOf(notice));
      expect(text).toContain(ref);
      expect(text).toContain('Hertfordshire Compact');
      // The organisation concerned is shown as typed, never as a link.
      expect(text).toContain('\\[Pay here\\]\\(https://evil.example\\) \\_now\\_');
      for (const personal of ['Jo Bloggs', 'jo@example.org', 'Acme Community Trust', 'two weeks']) {
        expect(JSON.stringify(notice.activity)).not.toContain(personal);
      }
    });

    it('cancels from the card without storing anything', async () => {
      const before = (await h.app.store.listSubmissions({})).length;
      const [call] = await h.send(h.submit({ compactBot: 'cancel', flowId: 'breach' }, 'sent-form-2', conversation));
      expect(call!.method).toBe('PUT');
      expect(cardText(cardOf(call!))).toContain('Cancelled. Nothing from this report was stored.');
      expect((await h.app.store.listSubmissions({})).length).toBe(before);
    });
  });

  it('opens the sign-up form with its own fields', async () => {
    const [call] = await h.send(h.personal('Sign-up form'));
    const card = cardOf(call!);
    expect(inputs(card).map((i) => i.id)).toEqual(FLOWS.signup.fields.map((f) => f.id));
    expect(inputOf(card, 'registration')).toMatchObject({ isRequired: false, regex: expect.any(String) });
  });

  it('runs the conversational flow in chat and cancels it without storing anything', async () => {
    const conversation = { id: 'a:chat-flow', conversationType: 'personal' };
    const before = (await h.app.store.listSubmissions({})).length;
    const [first] = await h.send(h.personal('report a breach', { conversation }));
    expect(cardText(cardOf(first!))).toMatch(/Which compact/);
    const [second] = await h.send(h.personal('hertfordshire', { conversation }));
    expect(cardText(cardOf(second!))).toMatch(/Which organisation are you reporting from/);
    const [cancelled] = await h.send(h.personal('cancel', { conversation }));
    expect(cardText(cardOf(cancelled!))).toContain('Cancelled. Nothing from this report was stored.');
    expect((await h.app.store.listSubmissions({})).length).toBe(before);
  });

  it('refuses malformed activities with a 4xx, sends nothing, and stays healthy', async () => {
    const before = h.connector.calls.length;
    const bad: [unknown, RegExp][] = [
      ['{not json', /not JSON/],
      ['[1,2]', /not an activity object|activity/],
      [{ serviceUrl: h.connector.url, conversation: { id: 'x' }, recipient: { id: BOT_ID } }, /activity\.type is required/],
      [{ type: 'message', conversation: { id: 'x' }, recipient: { id: BOT_ID }, from: { id: 'u' } }, /activity\.serviceUrl is required/],
      [
        { type: 'message', serviceUrl: 'not a url', conversation: { id: 'x' }, recipient: { id: BOT_ID }, from: { id: 'u' } },
        /activity\.serviceUrl must be/,
      ],
      [
        { type: 'message', serviceUrl: h.connector.url, recipient: { id: BOT_ID }, from: { id: 'u' } },
        /activity\.conversation\.id is required/,
      ],
      [
        { type: 'message', serviceUrl: h.connector.url, conversation: { id: 'x' }, recipient: { id: BOT_ID } },
        /activity\.from\.id is required/,
      ],
    ];
    for (const [body, error] of bad) {
      const res = await h.post(body);
      expect(res.status, String(body)).toBe(400);
      expect(JSON.parse(res.body).error).toMatch(error);
    }
    const far = await h.post(h.personal(FUNDING, { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    expect(far.status).toBe(403);
    expect(h.connector.calls.length).toBe(before);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const [call] = await h.send(h.personal(FUNDING, { conversation: { id: 'a:after-bad', conversationType: 'personal' } }));
    expect(cardText(cardOf(call!))).toContain('three months');
  });

  it('handles a redelivered activity once', async () => {
    const a = h.personal(FUNDING, { conversation: { id: 'a:twice', conversationType: 'personal' } });
    await h.send(a);
    const before = h.connector.calls.length;
    const again = await h.post(a);
    expect(again.status).toBe(200);
    expect(h.connector.calls.length).toBe(before);
  });
});
