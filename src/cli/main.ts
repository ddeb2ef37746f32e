import { setFlagsFromString } from 'node:v8';
import { COMMANDS, usage } from './commands.js';

// What is allocated at start (the knowledge base and its index) lives as long as the process, so a young
// generation grown for it only holds ~25 MB of memory idle. `serve` lets it grow again once it is ready.
setFlagsFromString('--semi-space-growth-factor=1');

/** Errors that explain a setting or a file the user can fix; they are shown without a stack trace. */
const USER_ERRORS = new Set(['ConfigError', 'KnowledgeError', 'StoreConfigError', 'MigrationError']);

const [name = 'chat', ...args] = process.argv.slice(2);
const command = COMMANDS[name];

try {
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${usage()}\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = await command(args);
  }
} catch (error) {
  if (error instanceof Error && USER_ERRORS.has(error.name)) {
    process.stderr.write(`compact-bot: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
