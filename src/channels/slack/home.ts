import type { App as BoltApp, types } from '@slack/bolt';
import { compactName, EXAMPLES, type KnowledgeBase, listCompacts, type Submission } from '../../core/index.js';
import { button, context, header, openFormAction, type SlackBlock, section } from './block-kit.js';
import type { SlackClient, SlackDeps } from './deps.js';
import { reportsHomeBlocks } from './home-reports.js';
import { registerReviewActions, reviewBlocks } from './home-review.js';
import { escapeMrkdwn, LIMITS } from './mrkdwn.js';
import { safely } from './post.js';

const KIND_LABEL = { breach: 'Breach report', signup: 'Sign-up' } as const;
const SHOWN = 20;

export function submissionLine(kb: KnowledgeBase, s: Submission): string {
  const date = s.createdAt.toISOString().slice(0, 10);
  return [`*${escapeMrkdwn(s.ref)}*`, KIND_LABEL[s.kind], escapeMrkdwn(compactName(kb, s.compact)), s.status, date].join(' · ');
}

/** Newest first, at most 20, with a line saying how many more there are; `shown` says which were listed. */
export function submissionList(
  kb: KnowledgeBase,
  submissions: Submission[],
  describe: (s: Submission) => string = (s) => submissionLine(kb, s),
): { blocks: SlackBlock[]; shown: Submission[] } {
  const shown = [...submissions]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.ref.localeCompare(a.ref))
    .slice(0, SHOWN);
  const blocks = section(shown.map(describe).join('\n'));
  if (submissions.length > SHOWN) blocks.push(context(`…and ${submissions.length - SHOWN} older.`));
  return { blocks, shown };
}

/** The App Home tab: what the bot does, how to ask, the two forms, the user's own submissions, then `more` (admins' sections). */
function homeView(kb: KnowledgeBase, mine: Submission[], more: SlackBlock[] = []): types.HomeView {
  const blocks: SlackBlock[] = [
    header('Local Compacts, quoted and cited'),
    ...section(
      escapeMrkdwn(
        `I answer questions about the Local Compacts (${listCompacts(kb)}) with the commitment itself, quoted and cited. ` +
          'I explain the jargon, help you sign an organisation up, and help you report a suspected breach.',
      ),
    ),
    ...section('*Ask me* in a direct message, by mentioning me in a channel, or with `/compact &lt;question&gt;`. For example:'),
    ...section(EXAMPLES.map((e) => `• ${escapeMrkdwn(e)}`).join('\n')),
    ...section('`/compact define &lt;term&gt;` explains a term; `/compact help` shows what else I can do.'),
    {
      type: 'actions',
      block_id: 'home_forms',
      elements: [
        button('Report a breach', openFormAction('breach'), 'breach', 'primary'),
        button('Sign up an organisation', openFormAction('signup'), 'signup'),
      ],
    },
    { type: 'divider' },
    header('Your submissions'),
    ...(mine.length === 0 ? section('_You have not submitted anything yet._') : submissionList(kb, mine).blocks),
    ...more,
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

/** The Home tab is drawn afresh each time the user opens it, so their list of submissions is current. */
export function registerHome(bolt: BoltApp, deps: SlackDeps): void {
  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, body.team_id, event.user);
  });
  registerReviewActions(bolt, deps, (client, team, user) => publishHome(deps, client, team, user));
}

/** Administrators see the reports to handle and the questions to review below their own submissions. */
export async function publishHome(deps: SlackDeps, client: SlackClient, team: string, user: string): Promise<void> {
  const mine = await deps.app.store.listSubmissions({ userId: user });
  const admin = [...(await reportsHomeBlocks(deps, team, user)), ...(await reviewBlocks(deps, user))];
  await safely(deps, 'publish home', () => client.views.publish({ user_id: user, view: homeView(deps.app.kb, mine, admin) }));
}
