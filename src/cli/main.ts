import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { COMMANDS, commandHelp, usage } from './commands.js';
import { describeStartupError } from './startup-errors.js';

// What is allocated at start (the knowledge base and its index) lives as long as the process, so a young
// generation grown for it only holds ~25 MB of memory idle. `serve` lets it grow again once it is ready.
setFlagsFromString('--semi-space-growth-factor=1');

// A reader that stops early (`npm start | head`) closes the pipe; that ends the output, not in a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const HELP = new Set(['--help', '-h', 'help']);
const [name = 'chat', ...args] = process.argv.slice(2);
const command = COMMANDS[name];

try {
  // Variables set in the environment win over the file (Node's loader does not override them); empty ones
  // count as unset, as they do in the configuration itself.
  if (existsSync('.env')) {
    for (const [key, value] of Object.entries(process.env)) if (value === '') delete process.env[key];
    process.loadEnvFile('.env');
  }
  if (HELP.has(name)) {
    process.stdout.write(`${usage()}\n`);
    process.exitCode = 0;
  } else if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${usage()}\n`);
    process.exitCode = 2;
  } else if (args.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${commandHelp(name)}\n`);
    process.exitCode = 0;
  } else {
    process.exitCode = await command(args);
  }
} catch (error) {
  const line = describeStartupError(error, process.env);
  if (line === undefined) throw error;
  process.stderr.write(`compact-bot: ${line}\n`);
  // Nothing else is worth waiting for (an idle database connection would keep the process for seconds).
  process.exit(1);
}
