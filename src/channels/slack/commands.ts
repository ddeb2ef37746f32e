import type { App as BoltApp, RespondFn } from '@slack/bolt';
import { compactNamed, helpReply, type KnowledgeBase, type SubmissionKind } from '../../core/index.js';
import { context, header, renderReply, section } from './block-kit.js';
import { answerPrivately } from './converse.js';
import type { SlackClient, SlackDeps } from './deps.js';
import { openForm } from './forms.js';
import { submissionLine, submissionList } from './home.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { personalConversation } from './places.js';
import { sendPrivately } from './post.js';

const COMMAND = '/compact';

export type SlashCommand =
  | { kind: 'help' }
  | { kind: 'define'; term: string }
  | { kind: 'reports' }
  | { kind: 'form'; flowId: SubmissionKind; compact?: string }
  | { kind: 'ask'; text: string };

const FORMS: Record<string, SubmissionKind> = { report: 'breach', breach: 'breach', signup: 'signup', 'sign-up': 'signup' };

/**
 * What `/compact <text>` asks for. A word is a subcommand only when what follows fits it ("report",
 * "report Halton"); otherwise the whole text is a question ("report deadlines for grants?").
 */
export function parseCommand(raw: string, kb: KnowledgeBase): SlashCommand {
  const text = raw.trim();
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  const arg = rest.join(' ');
  if (text === '' || text.toLowerCase() === 'help') return { kind: 'help' };
  if (text.toLowerCase() === 'reports') return { kind: 'reports' };
  if (word === 'define') return { kind: 'define', term: arg };
  // Own keys only: "constructor" or "__proto__" is a question, not a form.
  const flowId = Object.hasOwn(FORMS, word) ? FORMS[word] : undefined;
  if (flowId) {
    if (!arg) return { kind: 'form', flowId };
    const compact = compactNamed(arg, kb);
    if (compact) return { kind: 'form', flowId, compact };
  }
  return { kind: 'ask', text };
}

const SLASH_HELP =
  'In Slack: `/compact &lt;question&gt;` answers just you; `/compact define &lt;term&gt;` explains a term; ' +
  '`/compact report` and `/compact signup` open the forms. ' +
  'You can also message me directly, or @mention me in a channel for an answer in a thread.';

/** `/compact …`: acknowledged at once; the answer follows through the response_url. */
export function registerCommands(bolt: BoltApp, deps: SlackDeps): void {
  bolt.command(COMMAND, async ({ ack, command, client, respond }) => {
    await ack();
    const where = { channel: command.channel_id, user: command.user_id };
    const turn = {
      client,
      respond,
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
      triggerId: command.trigger_id,
    };
    const parsed = parseCommand(command.text, deps.app.kb);
    switch (parsed.kind) {
      case 'help': {
        const { blocks, text } = renderReply(helpReply(deps.app.kb));
        await sendPrivately(deps, client, respond, where, { blocks: [...blocks, context(SLASH_HELP)], text });
        return;
      }
      case 'define':
        if (parsed.term) {
          await answerPrivately(deps, turn, `define ${parsed.term}`);
        } else {
          const msg = 'Give the term after define, for example `/compact define LSP`.';
          await sendPrivately(deps, client, respond, where, { blocks: section(msg), text: msg });
        }
        return;
      case 'reports':
        await listReports(deps, client, respond, command);
        return;
      case 'form':
        await openForm(deps, {
          ...turn,
          conversationId: personalConversation(command.team_id, command.user_id),
          flowId: parsed.flowId,
          compact: parsed.compact,
        });
        return;
      case 'ask':
        await answerPrivately(deps, turn, parsed.text);
    }
  });
}

/** Admins only: the latest submissions, and a line in the audit log saying who read which. */
async function listReports(
  deps: SlackDeps,
  client: SlackClient,
  respond: RespondFn,
  command: { team_id: string; user_id: string; channel_id: string },
): Promise<void> {
  const where = { channel: command.channel_id, user: command.user_id };
  if (!deps.config.adminUsers.includes(command.user_id)) {
    const msg = 'Sorry, `/compact reports` is only for the compact team’s administrators. If you need to see a report, please ask them.';
    await sendPrivately(deps, client, respond, where, { blocks: section(msg), text: msg });
    return;
  }
  const { kb, store } = deps.app;
  const all = await store.listSubmissions({});
  const org = (data: Record<string, unknown>) => String(data.aboutOrg ?? data.organisation ?? '');
  const list = submissionList(kb, all, (s) => `${submissionLine(kb, s)} · ${escapeMrkdwn(org(s.data))}`);
  await store.audit({
    actor: `slack:${command.team_id}:${command.user_id}`,
    action: 'submissions.list',
    target: list.shown.map((s) => s.ref).join(', ') || 'none',
    at: new Date(),
  });
  const blocks = all.length === 0 ? section('No reports or sign-ups yet.') : [header('Recent submissions'), ...list.blocks];
  await sendPrivately(deps, client, respond, where, { blocks, text: `${all.length} submissions` });
}
