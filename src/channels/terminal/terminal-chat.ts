import { createInterface } from 'node:readline';
import { type Conversations, type Reply, renderText } from '../../core/index.js';

export interface TerminalOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  conversationId: string;
  userId: string;
  /** Show a prompt (interactive use); off for piped input so the output is one reply per line read. */
  prompt: boolean;
}

/** The terminal channel: one reply per line of input; "exit" or end of input ends it. */
export async function runTerminalChat(bot: Conversations, options: TerminalOptions): Promise<void> {
  const rl = createInterface({ input: options.input, terminal: false });
  const write = (s: string) => options.output.write(s);
  let last: Reply | undefined;
  const who = { conversationId: options.conversationId, userId: options.userId, channel: 'terminal' };
  write('compact-bot: ask about the Local Compacts. Type "help" for what I can do, "exit" to leave.\n');
  if (options.prompt) write('> ');
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    if (text === '') {
      if (options.prompt) write('> ');
      continue;
    }
    // A number picks one of the options offered with the last reply.
    const pick = /^\d+$/.test(text) && last ? last.actions[Number(text) - 1] : undefined;
    last = await bot.handle({ ...who, text: pick ? pick.value : text });
    write(`${renderText(last, { numberedActions: true })}\n\n`);
    if (options.prompt) write('> ');
  }
  rl.close();
}
