import type { RecordedCall } from '../../fakes/slack-api.js';

/** A chat.postMessage that Slack accepted, to the given conversation. */
export const posted = (channel: string) => (c: RecordedCall) =>
  c.method === 'chat.postMessage' && c.status === 200 && c.body.channel === channel;

/** Every element of the actions blocks: the buttons and menus a message or view offers. */
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as the fake recorded it
export const buttons = (blocks: any[]): any[] => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
