import { userInfo } from 'node:os';
import { runTerminalChat } from '../channels/terminal/terminal-chat.js';
import { createRuntime } from '../runtime.js';

export async function chatCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--session');
  const user = userInfo().username;
  const session = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && !session) {
    process.stderr.write('--session needs a name, for example --session demo\n');
    return 2;
  }
  const app = await createRuntime();
  try {
    await runTerminalChat(app.bot, {
      input: process.stdin,
      output: process.stdout,
      conversationId: `terminal:${session ?? user}`,
      userId: user,
      prompt: process.stdin.isTTY === true,
    });
  } finally {
    await app.store.close();
  }
  return 0;
}
