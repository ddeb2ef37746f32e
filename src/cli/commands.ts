import { REVIEW_USAGE } from './review-usage.js';

export type Command = (args: string[]) => Promise<number>;

// Loaded on demand, so `ask` does not pay for the Slack and Teams libraries that `serve` needs.
export const COMMANDS: Record<string, Command> = {
  chat: async (args) => (await import('./chat-command.js')).chatCommand(args),
  ask: async (args) => (await import('./ask-command.js')).askCommand(args),
  knowledge: async (args) => (await import('./knowledge-cli.js')).knowledgeCli(args),
  reports: async (args) => (await import('./submissions-command.js')).submissionsCli('breach')(args),
  signups: async (args) => (await import('./submissions-command.js')).submissionsCli('signup')(args),
  train: async (args) => (await import('./train-command.js')).trainCommand(args),
  review: async (args) => (await import('./review-command.js')).reviewCli(args),
  serve: async () => (await import('./serve-command.js')).serveCommand(),
  backup: async (args) => (await import('./backup-command.js')).backupCommand(args),
  audit: async (args) => (await import('./audit-command.js')).auditCli(args),
  feedback: async (args) => (await import('./feedback-command.js')).feedbackCli(args),
  'package-teams': async (args) => (await import('./package-teams-command.js')).packageTeamsCommand(args),
};

/** Each command's usage lines, as `--help` prints them. */
const HELP: Record<string, string[]> = {
  chat: ['chat [--session NAME]         the terminal chat (the default; `npm start`)'],
  ask: [
    'ask "question"                print the reply to one question',
    'ask --json                    read questions from standard input, write one JSON object per line',
  ],
  knowledge: [
    'knowledge check               validate the knowledge base and verify every quote',
    'knowledge show <compact> <id> print one undertaking with its citation',
  ],
  reports: ['reports list | show <ref> | export --format csv|json | status <ref> <status> | purge'],
  signups: ['signups list | show <ref> | export --format csv|json'],
  review: REVIEW_USAGE,
  train: ['train --calibrate <questions.jsonl>…  train the answer model (`npm run train`); writes model.json into KNOWLEDGE_DIR'],
  serve: ['serve                         the HTTP server for Slack and Teams (PORT, HOST)'],
  backup: ['backup <file>                 a consistent copy of the embedded store, safe while serve runs'],
  audit: ['audit                         the audit log (who listed, showed, changed or purged what), oldest first'],
  feedback: ['feedback                      👍 and 👎 per passage answered, the most disliked first'],
  'package-teams': ['package-teams [--out FILE]    the Teams app zip (default dist/compact-bot-teams.zip); bot id from MICROSOFT_APP_ID'],
};

const SETTINGS = 'Settings come from the environment, and from a .env file in the current directory when there is one (see .env.example).';

export function usage(): string {
  return [
    'Usage: compact-bot <command> [--help]',
    ...Object.values(HELP)
      .flat()
      .map((l) => `  ${l}`),
    '',
    SETTINGS,
  ].join('\n');
}

export function commandHelp(name: string): string {
  return ['Usage:', ...(HELP[name] ?? []).map((l) => `  compact-bot ${l}`), '', SETTINGS].join('\n');
}
