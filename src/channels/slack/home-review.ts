import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import { decideQuestion, groupQuestions, type Verdict } from '../../core/index.js';
import { button, context, header, type SlackBlock, section } from './block-kit.js';
import type { SlackClient, SlackDeps } from './deps.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Questions shown at once: three blocks each keeps the Home tab well inside Slack's 100. */
const SHOWN = 10;
const ACTION = /^review:(example:[0-2]|out-of-scope|dismiss)$/;

/** "Questions to review" for the Home tab of an administrator (SLACK_ADMIN_USERS); nothing for anyone else. */
export async function reviewBlocks(deps: SlackDeps, user: string): Promise<SlackBlock[]> {
  if (!deps.config.adminUsers.includes(user)) return [];
  const groups = groupQuestions(await deps.app.review.listQuestions('pending'));
  const blocks: SlackBlock[] = [{ type: 'divider' }, header('Questions to review')];
  if (groups.length === 0) return [...blocks, ...section('_No questions waiting._')];
  const byKey = new Map(deps.app.kb.entries.map((e) => [e.key, e]));
  for (const g of groups.slice(0, SHOWN)) {
    const q = g.questions[0]!;
    const date = q.createdAt.toISOString().slice(0, 10);
    const asked = [`asked ${g.questions.length}× by ${g.askers}`, q.reason, q.channel, date].join(' · ');
    blocks.push(...section(`*${escapeMrkdwn(q.question)}*\n${asked}`));
    const candidates = q.candidates.map((c) => byKey.get(c.key)).filter((e) => e !== undefined);
    if (candidates.length > 0) {
      blocks.push(context(candidates.map((e, i) => `${i + 1}. ${escapeMrkdwn(`${e.compact} ${e.id}: ${e.title}`)}`).join('   ')));
    }
    blocks.push({
      type: 'actions',
      block_id: `review_${q.id}`,
      elements: [
        ...candidates.map((e, i) =>
          button(`${i + 1}. Example of ${e.compact} ${e.id}`, `review:example:${i}`, `${q.id} ${e.key}`, i === 0 ? 'primary' : undefined),
        ),
        button('Out of scope', 'review:out-of-scope', q.id),
        button('Dismiss', 'review:dismiss', q.id, 'danger'),
      ],
    });
  }
  if (groups.length > SHOWN) blocks.push(context(`…and ${groups.length - SHOWN} more groups: \`compact-bot review\` lists them all.`));
  return blocks;
}

/** The three decisions, for administrators only; each is audited and the Home tab is drawn again. */
export function registerReviewActions(
  bolt: BoltApp,
  deps: SlackDeps,
  publish: (client: SlackClient, team: string, user: string) => Promise<void>,
): void {
  bolt.action<BlockAction<ButtonAction>>(ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const user = body.user.id;
    if (!deps.config.adminUsers.includes(user)) {
      deps.log.warn({ actionId: action.action_id }, 'review decision from a user who is not an administrator');
      return;
    }
    const [id = '', key = ''] = (action.value ?? '').split(' ');
    const kind = action.action_id.split(':')[1]!;
    const verdict: Verdict =
      kind === 'example' ? { kind: 'example', item: key } : kind === 'out-of-scope' ? { kind: 'out-of-scope' } : { kind: 'dismissed' };
    try {
      const decided = await decideQuestion(
        { kb: deps.app.kb, review: deps.app.review, store: deps.app.store },
        id,
        verdict,
        `slack:${user}`,
      );
      if (decided.ok) deps.app.metrics.reviewDecisions.inc({ decision: verdict.kind });
      else deps.log.info({ id }, decided.error);
    } catch (err) {
      deps.log.error({ err, id }, 'review decision failed');
    }
    await publish(client, body.team?.id ?? '', user);
  });
}
