import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

function line(args: unknown[]): string {
  return args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'object' && a !== null ? '[object]' : String(a)))
    .join(' ')
    .slice(0, 500);
}

/**
 * Bolt and its Web API client log through our pino logger. Their debug lines print request and response
 * bodies (what users wrote) as plain strings that redaction cannot see, so debug is dropped.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  return {
    debug: () => {},
    info: (...args: unknown[]) => child.info(line(args)),
    warn: (...args: unknown[]) => child.warn(line(args)),
    error: (...args: unknown[]) => child.error(line(args)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
