import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsPlaceholder } from '../../../src/channels/teams/report-admin-card.js';
import type { NewSubmission } from '../../../src/core/storage/store.js';
import { DAY_MS, startHousekeeping } from '../../../src/housekeeping.js';
import { createLogger } from '../../../src/logger.js';
import { BOT_FRAMEWORK_ISSUER, FakeOpenIdIssuer, signingKey, signJwt } from './fake-openid.js';
import { ADMIN_AAD, cardOf, cardText, TeamsHarness } from './harness.js';
import { cardProblems } from './validate-card.js';

const APP_ID = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const REPORTER_AAD = '22222222-3333-4444-5555-666666666666';
const CONFIGURED = '19:compact-team@thread.tacv2';
const report = (overrides: Partial<NewSubmission> = {}): NewSubmission => ({
  kind: 'breach',
  compact: 'halton',
  channel: 'teams',
  userId: REPORTER_AAD,
  conversationId: 'teams:a:reporter',
  data: { aboutOrg: 'Borough Council', reporterEmail: 'jo@example.org', what: 'Two weeks notice' },
  createdAt: new Date(),
  ...overrides,
});

describe('Teams: administrators handle reports on a card only they see', () => {
  const trusted = signingKey('trusted-key');
  let issuer: FakeOpenIdIssuer;
  let h: TeamsHarness;
  beforeAll(async () => {
    issuer = await new FakeOpenIdIssuer([trusted]).start();
    h = await TeamsHarness.start({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
      TEAMS_ADMIN_AAD_IDS: ADMIN_AAD,
    });
  });
  afterAll(async () => {
    await h.stop();
    await issuer.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({ iss: BOT_FRAMEWORK_ISSUER, aud: APP_ID, serviceurl: h.connector.url, nbf: now() - 60, exp: now() + 3600 });
  const signed = () => ({
    authorization: `Bearer ${signJwt(trusted, claims())}`,
  });
  const ADMIN = { id: '29:admin', name: 'Ada Admin', aadObjectId: ADMIN_AAD };
  const OTHER = { id: '29:other', name: 'Sam Other', aadObjectId: '99999999-0000-0000-0000-000000000003' };

  /** An Action.Execute press, answered in the invoke's own response (which only the presser sees). */
  async function press(from: typeof ADMIN, verb: string, data: Record<string, unknown>): Promise<any> {
    const activity = h.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from,
      conversation: { id: 'a:admin-chat', conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb, data: { viewer: { id: from.id, name: from.name }, ...data } }, trigger: 'manual' },
    });
    const res = await h.post(activity, signed());
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardProblems(body.value)).toEqual([]);
    return body.value;
  }

  it('posts a placeholder naming no report, whose content Teams shows only to the administrator', () => {
    const card = reportsPlaceholder({ id: ADMIN.id, name: ADMIN.name });
    expect(cardProblems(card)).toEqual([]);
    expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'compactBot.reports.list' }, userIds: [ADMIN.id] });
    expect(cardText(card)).not.toMatch(/BR-/);
  });

  it('lists, opens and changes a report’s status with a note, audited, saying when the reporter could not be told', async () => {
    const filed = await h.app.store.createSubmission(report());
    const list = await press(ADMIN, 'compactBot.reports.list', {});
    expect(list.refresh.userIds).toEqual([ADMIN.id]);
    const choice = list.body.find((e: any) => e.id === 'ref');
    expect(choice.choices.map((c: any) => c.value)).toContain(filed.ref);

    const opened = await press(ADMIN, 'compactBot.reports.open', { ref: filed.ref });
    expect(cardText(opened)).toContain('jo@example.org');
    expect(opened.body.find((e: any) => e.id === 'status').value).toBe('received');

    const note = 'Raised with the council [link](https://evil.example)';
    const changed = await press(ADMIN, 'compactBot.reports.status', { ref: filed.ref, status: 'in-review', note });
    expect(cardText(changed)).toContain(
      `${filed.ref} is now in-review. The reporter could not be told: they have no personal chat with the bot`,
    );
    expect(changed.body.find((e: any) => e.id === 'status').value).toBe('in-review');
    expect(await h.app.store.statusHistory(filed.ref)).toEqual([
      expect.objectContaining({ status: 'in-review', actor: `teams:${ADMIN_AAD}`, note }),
    ]);
    const audit = await h.app.store.listAudit();
    expect(audit.find((a) => a.action === 'reports.status')).toMatchObject({
      actor: `teams:${ADMIN_AAD}`,
      target: `${filed.ref}: received → in-review; note of ${note.length} characters; reporter not told`,
    });
    expect(JSON.stringify(h.logs)).not.toContain('Raised with the council');

    const refused = await press(ADMIN, 'compactBot.reports.status', { ref: filed.ref, status: 'lost', note: '' });
    expect(cardText(refused)).toContain('Choose a status: received, in-review, resolved, withdrawn.');
    expect((await h.app.store.getSubmission(filed.ref))?.status).toBe('in-review');
  });

  it('refuses every press by someone who is not an administrator, showing no report', async () => {
    const filed = await h.app.store.createSubmission(report());
    for (const [verb, data] of [
      ['compactBot.reports.list', {}],
      ['compactBot.reports.open', { ref: filed.ref }],
      ['compactBot.reports.status', { ref: filed.ref, status: 'withdrawn', note: 'x' }],
    ] as const) {
      const card = await press(OTHER, verb, data);
      expect(cardText(card)).toBe('Only the administrators listed in TEAMS_ADMIN_AAD_IDS can do that.');
    }
    expect((await h.app.store.getSubmission(filed.ref))?.status).toBe('received');
    expect((await h.app.store.listAudit()).filter((a) => a.actor === `teams:${OTHER.aadObjectId}`)).toEqual([]);
  });
});

describe('Teams: reporters told in their personal chat; notices and reminders in the configured channel', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await TeamsHarness.start((url) => ({
      TEAMS_LOCAL_MODE: '1',
      TEAMS_ADMIN_AAD_IDS: ADMIN_AAD,
      TEAMS_REPORTS_CONVERSATION: CONFIGURED,
      TEAMS_REPORTS_SERVICE_URL: url,
    }));
  });
  afterAll(async () => h.stop());

  it('refuses "reports" in local mode, where nobody is an administrator', async () => {
    const [call] = await h.send(h.personal('reports'));
    expect(cardText(cardOf(call!))).toMatch(/Administrator commands need an authenticated Teams connection/);
  });

  it('sends the reporter the new status and the note, and nothing else of the report', async () => {
    const reporter = { id: '29:reporter', name: 'Jo Reporter', aadObjectId: REPORTER_AAD };
    await h.send(h.personal('hello', { from: reporter, conversation: { id: 'a:reporter-chat', conversationType: 'personal' } }));
    const filed = await h.app.store.createSubmission(report());
    const before = h.connector.calls.length;
    const result = await h.app.reports.changeStatus('teams:admin', filed.ref, 'resolved', 'Funding restored.');
    expect(result).toMatchObject({ ok: true, reporterTold: true });
    const [dm] = h.connector.calls.slice(before);
    expect(dm).toMatchObject({ method: 'POST', conversationId: 'a:reporter-chat' });
    expect(cardProblems(cardOf(dm!))).toEqual([]);
    expect(cardText(cardOf(dm!))).toBe(`Your breach report ${filed.ref} is now: Resolved.\nNote from the compact team: Funding restored.`);
  });

  it('announces a new breach report in the configured conversation', async () => {
    const answers = {
      compact: 'hertfordshire',
      reporterOrg: 'Acme Community Trust',
      reporterName: 'Jo Bloggs',
      reporterEmail: 'jo@example.org',
      aboutOrg: 'Borough Council',
      signatories: 'both',
      undertakings: 'hertfordshire:4.4',
      what: 'Our grant was ended with two weeks notice.',
      when: '2025-06-01',
      tried: 'A letter.',
      outcome: 'Three months of funding.',
      consent: 'yes',
    };
    const calls = await h.send(h.submit({ compactBot: 'form', flowId: 'breach', ...answers }, 'sent-form'), 2);
    const notice = calls.find((c) => c.conversationId === CONFIGURED);
    expect(cardText(cardOf(notice!))).toMatch(/New breach report BR-\d{4}-\d{4}/);
    expect(JSON.stringify(notice!.activity)).not.toContain('jo@example.org');
  });

  it('posts reminders to the configured conversation from housekeeping, once per period, until "reports off"', async () => {
    const filed = await h.app.store.createSubmission(report({ createdAt: new Date(Date.UTC(2026, 0, 1)) }));
    const reminders = () =>
      h.connector.calls.filter((c) => c.conversationId === CONFIGURED && /waiting for a status change/.test(cardText(cardOf(c))));
    const housekeepingOn = async (day: number) => {
      const clock = () => new Date(filed.createdAt.getTime() + day * DAY_MS);
      await startHousekeeping({
        store: h.app.store,
        log: createLogger({ level: 'silent' }),
        reports: h.app.reports,
        reminderDays: 14,
        clock,
      }).stop();
    };
    await housekeepingOn(13);
    expect(reminders()).toEqual([]);
    await housekeepingOn(14);
    expect(reminders()).toHaveLength(1);
    expect(cardText(cardOf(reminders()[0]!))).toContain(`${filed.ref} · Halton`);
    expect(JSON.stringify(reminders()[0]!.activity)).not.toMatch(/jo@example\.org|Two weeks/);
    await housekeepingOn(20);
    expect(reminders()).toHaveLength(1);

    // What an administrator's "reports off" leaves: configuration does not bring the notices back.
    await h.app.store.setSetting('teams.reports.reference', '');
    await housekeepingOn(40);
    expect(reminders()).toHaveLength(1);
  });
});
