import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../../../src/core/flows/runner.js';
import { ADMIN_AAD, cardOf, cardText, TeamsHarness } from './harness.js';
import { cardProblems } from './validate-card.js';

const CHANNEL = { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true };
const JO = { id: '29:user-1', name: 'Jo Bloggs', aadObjectId: ADMIN_AAD };
const SAM = { id: '29:user-2', name: 'Sam Other', aadObjectId: '99999999-0000-0000-0000-000000000002' };

let h: TeamsHarness;
beforeAll(async () => {
  h = await TeamsHarness.start({ TEAMS_LOCAL_MODE: '1' });
});
afterAll(async () => h.stop());

type Card = any;
const inputs = (card: Card): Card[] => (card.body as Card[]).filter((e) => String(e.type).startsWith('Input.'));
const answers = {
  compact: 'halton',
  reporterOrg: 'Acme Community Trust',
  reporterName: 'Jo Bloggs',
  reporterEmail: 'jo@example.org',
  aboutOrg: 'Borough Council',
  signatories: 'both',
  undertakings: 'halton:8.2-time',
  what: 'Our grant was ended with two weeks notice.',
  when: '2025-06-01',
  tried: 'A letter.',
  outcome: 'Three months of funding.',
  consent: 'yes',
};

/** An Action.Execute press on the card `replyToId`, as Teams sends it (inputs merged into the action's data). */
async function execute(from: typeof JO, verb: string, data: Record<string, unknown>): Promise<{ status: number; card: Card }> {
  const res = await h.post(
    h.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from,
      conversation: CHANNEL,
      replyToId: 'sent-offer',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  );
  const body = JSON.parse(res.body);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return { status: res.status, card: body.value };
}

describe('Teams: a form asked for in a channel is the requester’s alone', () => {
  let offer: Card;

  it('posts a notice that only the requester’s Teams turns into the form, and asks no question in the channel', async () => {
    const [call] = await h.send(h.channel('report a breach', true, { from: JO }));
    offer = cardOf(call!);
    expect(cardProblems(offer)).toEqual([]);
    expect(inputs(offer)).toEqual([]);
    expect(cardText(offer)).toMatch(/Jo Bloggs is filling in a breach report\. Only they can see and send this form/);
    expect(cardText(offer)).not.toMatch(/Which compact/);
    expect(offer.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'compactBot.form' }, userIds: [JO.id] });

    const [command] = await h.send(h.channel('report form', true, { from: SAM }));
    expect(cardOf(command!).refresh.userIds).toEqual([SAM.id]);
    // A card button that says "report a breach", pressed in the channel, offers the form the same way.
    const [button] = await h.send(
      h.activity({ from: SAM, conversation: CHANNEL, value: { compactBot: 'message', text: 'report a breach' }, replyToId: 'sent-x' }),
    );
    expect(inputs(cardOf(button!))).toEqual([]);
    expect(cardOf(button!).refresh.userIds).toEqual([SAM.id]);
  });

  it('shows the form, with the undertakings to pick from, to the requester and the notice to anyone else', async () => {
    const data = offer.refresh.action.data;
    const mine = await execute(JO, 'compactBot.form', data);
    expect(mine.status).toBe(200);
    expect(cardProblems(mine.card)).toEqual([]);
    expect(inputs(mine.card).map((i) => i.id)).toEqual(FLOWS.breach.fields.map((f) => f.id));
    expect(mine.card.actions.map((a: Card) => [a.type, a.verb])).toEqual([
      ['Action.Execute', 'compactBot.submit'],
      ['Action.Execute', 'compactBot.cancel'],
    ]);
    const picker = inputs(mine.card).find((i) => i.id === 'undertakings');
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'filtered' });
    const values = picker.choices.map((c: Card) => c.value);
    expect(values).toEqual(expect.arrayContaining(['not-sure', 'hertfordshire:4.4', 'dacorum:statutory-funding-3', 'halton:8.2-time']));
    expect(picker.choices.find((c: Card) => c.value === 'herefordshire:not-sure').title).toMatch(/Herefordshire: no numbered undertakings/);

    const theirs = await execute(SAM, 'compactBot.form', data);
    expect(inputs(theirs.card)).toEqual([]);
    expect(cardText(theirs.card)).toMatch(/Jo Bloggs is filling in/);
  });

  it('refuses someone else’s submission, and answers errors to the requester alone', async () => {
    const data = offer.refresh.action.data;
    const before = h.connector.calls.length;
    const forged = await execute(SAM, 'compactBot.submit', { ...data, ...answers });
    expect(cardText(forged.card)).toMatch(/This breach report is Jo Bloggs's: only they can change or send it/);
    const wrongCompact = await execute(JO, 'compactBot.submit', {
      ...data,
      ...answers,
      undertakings: 'hertfordshire:4.4',
      reporterEmail: 'jo at example',
    });
    expect(cardProblems(wrongCompact.card)).toEqual([]);
    const text = cardText(wrongCompact.card);
    expect(text).toMatch(/Those undertakings are from Hertfordshire, not the Halton/);
    expect(text).toMatch(/not an email address/);
    expect(inputs(wrongCompact.card).find((i) => i.id === 'reporterName').value).toBe('Jo Bloggs');
    // Nothing was posted or changed in the channel, and nothing stored.
    expect(h.connector.calls.length).toBe(before);
    expect(await h.app.store.listSubmissions({ kind: 'breach' })).toEqual([]);
  });

  it('stores the requester’s report, answers them with its reference, and tells the channel only that it was sent', async () => {
    const data = offer.refresh.action.data;
    const before = h.connector.calls.length;
    const sent = await execute(JO, 'compactBot.submit', { ...data, ...answers });
    const ref = /Reference (BR-\d{4}-\d{4})/.exec(cardText(sent.card))![1]!;
    expect(await h.app.store.getSubmission(ref)).toMatchObject({
      userId: ADMIN_AAD,
      compact: 'halton',
      data: { undertakings: ['8.2-time'], reporterEmail: 'jo@example.org' },
    });
    await h.connector.waitForCalls(before + 1);
    const [update] = h.connector.calls.slice(before);
    expect(update).toMatchObject({ method: 'PUT', activityId: 'sent-offer' });
    const shared = cardOf(update!);
    expect(cardText(shared)).toMatch(/Jo Bloggs has sent a breach report/);
    expect(shared.refresh).toBeUndefined();
    for (const typed of ['jo@example.org', 'Acme Community Trust', 'two weeks', ref])
      expect(JSON.stringify(update!.activity)).not.toContain(typed);
  });

  it('reads "Not sure" for a compact without numbered undertakings', async () => {
    const data = offer.refresh.action.data;
    const sent = await execute(JO, 'compactBot.submit', {
      ...data,
      ...answers,
      compact: 'herefordshire',
      undertakings: 'herefordshire:not-sure',
    });
    const ref = /Reference (BR-\d{4}-\d{4})/.exec(cardText(sent.card))![1]!;
    expect((await h.app.store.getSubmission(ref))!.data.undertakings).toEqual(['not-sure']);
  });
});
