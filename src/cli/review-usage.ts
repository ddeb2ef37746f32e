/** `compact-bot review`'s usage lines, apart from the command so that `--help` loads nothing else. */
export const REVIEW_USAGE = [
  'review                        pending questions grouped by similarity, most asked first, with the three likeliest items',
  'review list --json            one JSON object per pending question and line',
  'review accept <id> --item "<compact> <item id>"   accept as an example of that item (or --candidate 1, 2 or 3)',
  'review out-of-scope <id>      accept as a question the compacts do not cover',
  'review dismiss <id>           drop it',
  'review export                 write the accepted examples into KNOWLEDGE_DIR; then `npm run train`',
  'review purge                  delete pending and dismissed questions older than QUESTION_RETENTION_DAYS',
];
