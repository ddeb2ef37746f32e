import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { commandText, type Who } from '../../core/index.js';
import { SUBMIT_TEXT_MAX } from './card-elements.js';

const serviceUrl = z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of the Bot Connector service' });

/** The least an activity needs before anything acts on it; everything else is optional in the protocol. */
const activitySchema = z.looseObject({
  type: z.string({ error: 'is required' }).min(1, 'is required'),
  serviceUrl: serviceUrl.optional(),
  channelId: z.string().optional(),
  conversation: z.looseObject({ id: z.string().min(1, 'is required') }).optional(),
  from: z.looseObject({ id: z.string().min(1, 'is required') }).optional(),
  recipient: z.looseObject({ id: z.string().min(1, 'is required') }).optional(),
});

/** Parses a request body into an activity, or says exactly what is wrong with it. */
export function parseActivity(body: Buffer): { activity: Activity } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { error: 'the body is not JSON' };
  }
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { error: i.path.length > 0 ? `activity.${i.path.join('.')} ${i.message}` : 'the body is not an activity object' };
  }
  const a = parsed.data;
  // A turn replies to serviceUrl in this conversation, so both are needed before it can start.
  const needed = [
    ['serviceUrl', a.serviceUrl],
    ['conversation.id', a.conversation],
    ['recipient.id', a.recipient],
    ['from.id', a.type !== 'message' || a.from],
  ] as const;
  for (const [name, present] of needed) if (!present) return { error: `activity.${name} is required` };
  return { activity: json as Activity };
}

export function whoOf(activity: Activity): Who {
  return {
    conversationId: `teams:${activity.conversation.id}`,
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    channel: 'teams',
  };
}

/** A channel or group chat: others read what is posted there. */
export function isShared(activity: Activity): boolean {
  return activity.conversation.conversationType === 'channel' || activity.conversation.conversationType === 'groupChat';
}

/**
 * The text meant for the bot. In a personal chat that is every message; in a channel or group chat only
 * messages that mention the bot, with the `<at>…</at>` mention (text and entity) taken out.
 * Undefined when the message is not for the bot.
 */
export function addressedText(activity: Activity): string | undefined {
  const botId = activity.recipient.id;
  const entities = activity.entities ?? [];
  const mentions = entities.filter((e) => e.type === 'mention' && (e.mentioned as { id?: string } | undefined)?.id === botId);
  if (isShared(activity) && mentions.length === 0) return undefined;
  let text = activity.text ?? '';
  for (const m of mentions) {
    // Group chats have been known to send the mention entity without its text.
    const name = (m.mentioned as { name?: string }).name;
    const markup = typeof m.text === 'string' && m.text !== '' ? m.text : name ? `<at>${name}</at>` : undefined;
    if (markup) text = text.split(markup).join(' ');
  }
  activity.entities = entities.filter((e) => !mentions.includes(e));
  // Other people's mentions keep their names, not their markup.
  return text
    .replace(/<at>(.*?)<\/at>/gi, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const flowId = z.enum(['signup', 'breach']);

const submitSchema = z.discriminatedUnion('compactBot', [
  z.object({ compactBot: z.literal('message'), text: z.string().trim().min(1).max(SUBMIT_TEXT_MAX) }),
  z.looseObject({ compactBot: z.literal('form'), flowId }),
  z.object({ compactBot: z.literal('cancel'), flowId }),
  z.object({
    compactBot: z.literal('feedback'),
    helpful: z.boolean(),
    question: z.string().max(SUBMIT_TEXT_MAX),
    keys: z.array(z.string().max(200)).max(50),
  }),
  z.object({
    compactBot: z.literal('review'),
    id: z.string().min(1).max(40),
    decision: z.enum(['example', 'out-of-scope', 'dismissed']),
    item: z.string().max(200).optional(),
  }),
]);

export type CardSubmit = z.infer<typeof submitSchema>;

/** A press on one of our cards' buttons: the parsed data, 'invalid' when it is ours but unreadable, or undefined when it is not ours. */
export function cardSubmit(activity: Activity): CardSubmit | 'invalid' | undefined {
  const value: unknown = activity.value;
  if (!value || typeof value !== 'object' || !('compactBot' in value)) return undefined;
  const parsed = submitSchema.safeParse(value);
  return parsed.success ? parsed.data : 'invalid';
}

export type Command =
  | { kind: 'form'; flowId: 'signup' | 'breach' }
  | { kind: 'reports'; action: 'list' | 'here' | 'status' | 'off' }
  | { kind: 'review' };

/** Teams-only commands typed in chat; everything else goes to the core. */
export function teamsCommand(text: string): Command | undefined {
  const n = commandText(text);
  if (/^(report|breach|breach report|report a breach) form$/.test(n)) return { kind: 'form', flowId: 'breach' };
  if (/^(sign up|signup) form$/.test(n)) return { kind: 'form', flowId: 'signup' };
  if (n === 'reports') return { kind: 'reports', action: 'list' };
  if (n === 'review' || n === 'questions to review') return { kind: 'review' };
  const reports = /^reports (here|status|off)$/.exec(n);
  if (reports) return { kind: 'reports', action: reports[1] as 'here' | 'status' | 'off' };
  return undefined;
}

const executeSchema = z.object({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.enum(['compactBot.form', 'compactBot.submit', 'compactBot.cancel']),
    data: z.looseObject({ flowId, owner: z.object({ id: z.string().min(1).max(200), name: z.string().max(200) }) }),
  }),
});

export type ExecutePress = z.infer<typeof executeSchema>['action'];

/** An Action.Execute of one of our form cards (an `adaptiveCard/action` invoke), 'invalid' when unreadable, undefined when not one. */
export function executeAction(activity: Activity): ExecutePress | 'invalid' | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return undefined;
  const parsed = executeSchema.safeParse(activity.value);
  return parsed.success ? parsed.data.action : 'invalid';
}
