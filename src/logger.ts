import pino, { type Logger } from 'pino';
import { logLevel } from './config.js';

/** Structured JSON logs. Secrets and what users typed or submitted never reach a log line. */
export const REDACT_PATHS = [
  'token',
  'password',
  'secret',
  'authorization',
  'text',
  'values',
  'data',
  '*.token',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.text',
  '*.values',
  '*.data',
  // Two levels down as well: pino's wildcard matches one level only.
  '*.*.token',
  '*.*.password',
  '*.*.secret',
  '*.*.authorization',
  '*.*.text',
  '*.*.values',
  '*.*.data',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: logLevel(options.level ?? process.env.LOG_LEVEL),
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'compact-bot' },
    },
    options.destination as pino.DestinationStream | undefined,
  );
}
