import type { RespondArguments, RespondFn } from '@slack/bolt';
import { compactName, type Reply } from '../../core/index.js';
import { context, type RenderOptions, renderReply, type SlackBlock, section } from './block-kit.js';
import type { SlackClient, SlackDeps } from './deps.js';
import { describeError } from './describe-error.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { Place } from './places.js';

/** Runs one Slack call; a failure (after the client's own retries) is logged, never thrown. */
export async function safely(deps: SlackDeps, what: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    deps.log.error({ err: describeError(error), what }, 'slack call failed');
    return false;
  }
}

export async function postMessage(
  deps: SlackDeps,
  client: SlackClient,
  what: string,
  place: Pick<Place, 'channel' | 'threadTs'>,
  message: { blocks: SlackBlock[]; text: string },
): Promise<boolean> {
  return safely(deps, what, () =>
    client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, ...message, unfurl_links: false, unfurl_media: false }),
  );
}

/** Posts a reply where the conversation is; a breach report completed in the conversation is also announced. */
export async function postReply(
  deps: SlackDeps,
  client: SlackClient,
  place: Pick<Place, 'channel' | 'threadTs'>,
  reply: Reply,
  options?: RenderOptions,
): Promise<void> {
  await postMessage(deps, client, 'post reply', place, renderReply(reply, options));
  if (reply.submission?.kind === 'breach') await announceReport(deps, client, reply.submission.ref);
}

/** An answer only the user sees: through the response_url, or chat.postEphemeral if that fails. */
export async function sendPrivately(
  deps: SlackDeps,
  client: SlackClient,
  respond: RespondFn | undefined,
  where: { channel?: string; user: string },
  message: { blocks: SlackBlock[]; text: string },
): Promise<void> {
  const args: RespondArguments = { response_type: 'ephemeral', replace_original: false, ...message };
  if (respond && (await safely(deps, 'respond', () => respond(args)))) return;
  if (where.channel)
    await safely(deps, 'post ephemeral', () => client.chat.postEphemeral({ channel: where.channel!, user: where.user, ...message }));
}

/**
 * Tells the compact team about a new breach report: the reference, the compact and the organisation
 * concerned only. Who reported it and what they wrote stay in the store.
 */
async function announceReport(deps: SlackDeps, client: SlackClient, ref: string): Promise<void> {
  const channel = deps.config.reportsChannel;
  if (!channel) return;
  const s = await deps.app.store.getSubmission(ref);
  if (!s) return;
  const compact = compactName(deps.app.kb, s.compact);
  const about = typeof s.data.aboutOrg === 'string' ? s.data.aboutOrg : 'not given';
  await postMessage(
    deps,
    client,
    'announce report',
    { channel },
    {
      blocks: [
        ...section(`:mega: *New breach report ${escapeMrkdwn(s.ref)}*`),
        ...section(`*Compact:* ${escapeMrkdwn(compact)}\n*Organisation concerned:* ${escapeMrkdwn(about)}`),
        context('The full report is kept by compact-bot under this reference.'),
      ],
      text: escapeMrkdwn(`New breach report ${s.ref}: ${compact}, about ${about}`),
    },
  );
}
