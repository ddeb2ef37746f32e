import type { Who } from '../../core/index.js';

/** Where a conversation lives in Slack and where its replies go. */
export interface Place {
  conversationId: string;
  /** The Slack conversation (DM or channel) to post in. */
  channel: string;
  threadTs?: string;
  /** A channel thread others can read: forms never run here, and each person's state is their own. */
  shared: boolean;
}

/** A DM is one conversation; a reply there goes into the thread the user wrote in, if any. */
export function dmPlace(team: string, channel: string, threadTs?: string): Place {
  return { conversationId: `slack:${team}:${channel}`, channel, threadTs, shared: false };
}

/** In a channel each thread is a conversation; a mention at the top level starts a thread under itself. */
export function threadPlace(team: string, channel: string, threadTs: string): Place {
  return { conversationId: `slack:${team}:${channel}:${threadTs}`, channel, threadTs, shared: true };
}

/** Where a button on one of our messages was pressed. Slack's DM channel ids start with D. */
export function messagePlace(team: string, channel: string, message: { ts: string; thread_ts?: string }): Place {
  return channel.startsWith('D') ? dmPlace(team, channel, message.thread_ts) : threadPlace(team, channel, message.thread_ts ?? message.ts);
}

/** The user's own conversation with the bot outside any message thread: /compact, shortcuts, the Home tab. */
export function personalConversation(team: string, user: string): string {
  return `slack:${team}:user:${user}`;
}

export function who(conversationId: string, userId: string): Who {
  return { conversationId, userId, channel: 'slack' };
}
