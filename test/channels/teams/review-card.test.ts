import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewCard } from '../../../src/channels/teams/review-card.js';
import { groupQuestions } from '../../../src/core/review/group.js';
import { BOT_FRAMEWORK_ISSUER, FakeOpenIdIssuer, signingKey, signJwt } from './fake-openid.js';
import { ADMIN_AAD, cardOf, cardText, submitsOf, TeamsHarness } from './harness.js';
import { cardProblems } from './validate-card.js';

const APP_ID = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const trusted = signingKey('review-key');
const QUESTION = 'rent free hall withdrawn by borough with six weeks warning';
const INJECTION = 'is [this](https://evil.example) **covered** <at>Boss</at> by the fenland drainage levy';

let issuer: FakeOpenIdIssuer;
let local: TeamsHarness;
let authed: TeamsHarness;

beforeAll(async () => {
  issuer = await new FakeOpenIdIssuer([trusted]).start();
  local = await TeamsHarness.start({ TEAMS_LOCAL_MODE: '1', TEAMS_ADMIN_AAD_IDS: ADMIN_AAD });
  authed = await TeamsHarness.start({
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
    TEAMS_ADMIN_AAD_IDS: ADMIN_AAD,
  });
}, 60_000);
afterAll(async () => {
  await local?.stop();
  await authed?.stop();
  await issuer?.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const signed = () => {
  const claims = { iss: BOT_FRAMEWORK_ISSUER, aud: APP_ID, serviceurl: authed.connector.url, nbf: now() - 60, exp: now() + 3600 };
  return { authorization: `Bearer ${signJwt(trusted, claims)}` };
};

describe('Teams: questions to review', () => {
  it('builds a card Teams accepts, with the three decisions for each question and its words shown as typed', async () => {
    await local.send(local.personal(QUESTION));
    await local.app.bot.handle({ conversationId: 'teams:y', userId: 'someone', channel: 'teams', text: INJECTION });
    const card = reviewCard(local.app.kb, groupQuestions(await local.app.review.listQuestions('pending')));
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(QUESTION);
    expect(cardText(card)).toContain(INJECTION);
    const [asked] = (await local.app.review.listQuestions('pending')).filter((q) => q.question === QUESTION);
    const mine = submitsOf(card).filter((s) => s.data.id === asked!.id);
    expect(mine.map((s) => s.data.decision)).toEqual(['example', 'example', 'example', 'out-of-scope', 'dismissed']);
    expect(mine[0]!.data.item).toBe(asked!.candidates[0]!.key);
  });

  it('refuses the review card and its decisions where nobody can be known as an administrator (local mode)', async () => {
    const [refusal] = await local.send(local.personal('review'));
    expect(cardText(cardOf(refusal!))).toMatch(/authenticated Teams connection/);
    const [asked] = await local.app.review.listQuestions('pending');
    await local.send(local.submit({ compactBot: 'review', id: asked!.id, decision: 'dismissed' }, 'card-1'));
    expect((await local.app.review.getQuestion(asked!.id))?.status).toBe('pending');
  });

  it('lets an administrator of an authenticated request decide, and no one else; audited', async () => {
    await authed.app.bot.handle({ conversationId: 'teams:x', userId: 'someone', channel: 'teams', text: QUESTION });
    const [asked] = await authed.app.review.listQuestions('pending');
    const press = { compactBot: 'review', id: asked!.id, decision: 'example', item: 'hertfordshire:undertaking:4.4' };
    const stranger = { id: '29:other', aadObjectId: '99999999-0000-0000-0000-000000000000' };
    // The replies themselves cannot be sent (no Azure AD to issue the bot's own token here); what changed is checked.
    await authed.post({ ...authed.submit(press, 'card-1'), from: stranger }, signed());
    expect((await authed.app.review.getQuestion(asked!.id))?.status).toBe('pending');
    await authed.post(authed.submit(press, 'card-1'), signed());
    expect(await authed.app.review.getQuestion(asked!.id)).toMatchObject({
      status: 'example',
      label: 'hertfordshire:undertaking:4.4',
      decidedBy: `teams:${ADMIN_AAD}`,
    });
    expect(await authed.app.store.listAudit()).toContainEqual(
      expect.objectContaining({ actor: `teams:${ADMIN_AAD}`, action: 'review.example' }),
    );
  });
});
