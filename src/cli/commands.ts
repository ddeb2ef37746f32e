export type Command = (args: string[]) => Promise<number>;

// Loaded on demand, so `ask` does not pay for the Slack and Teams libraries that `serve` needs.
export const COMMANDS: Record<string, Command> = {
  chat: async (args) => (await import('./chat-command.js')).chatCommand(args),
  ask: async (args) => (await import('./ask-command.js')).askCommand(args),
  knowledge: async (args) => (await import('./knowledge-cli.js')).knowledgeCli(args),
  reports: async (args) => (await import('./submissions-command.js')).submissionsCli('breach')(args),
  signups: async (args) => (await import('./submissions-command.js')).submissionsCli('signup')(args),
  train: async (args) => (await import('./train-command.js')).trainCommand(args),
  serve: async () => (await import('./serve-command.js')).serveCommand(),
  backup: async (args) => (await import('./backup-command.js')).backupCommand(args),
  'package-teams': async (args) => (await import('./package-teams-command.js')).packageTeamsCommand(args),
};

export function usage(): string {
  return [
    'Usage: compact-bot <command>',
    '  chat                          the terminal chat (the default; `npm start`)',
    '  ask "question"                print the reply to one question',
    '  ask --json                    read questions from standard input, write one JSON object per line',
    '  knowledge check               validate the knowledge base and verify every quote',
    '  knowledge show <compact> <id> print one undertaking with its citation',
    '  reports list | show <ref> | export --format csv|json | status <ref> <status> | purge',
    '  signups list | show <ref> | export --format csv|json',
    '  train                         train the answer model on the examples; writes knowledge/model.json',
    '  serve                         the HTTP server for Slack and Teams (PORT, HOST)',
    '  backup <file>                 a consistent copy of the embedded store, safe while serve runs',
    '  package-teams [--out FILE]    the Teams app zip (default dist/compact-bot-teams.zip); bot id from MICROSOFT_APP_ID',
  ].join('\n');
}
