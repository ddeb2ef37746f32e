import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Decimal digits only: Number() would also read "0x1", "1e3" or " 7 " as numbers.
const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535, in decimal digits')
  .transform(Number)
  .pipe(z.number().max(65535, 'must be a port number from 0 to 65535, in decimal digits'));
const positiveInt = (max: number, unit: string) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be greater than 0')
    .max(max, `must be at most ${max.toLocaleString('en-GB')} (${unit})`);

/** Host names and IP addresses `serve` can listen on: letters, digits, dots, hyphens and colons, no spaces or URLs. */
const host = z.string().regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?)+$|^[0-9A-Fa-f:.]+$/, {
  message: 'must be a host name or an IP address such as 127.0.0.1 or ::1 (no scheme, port or path)',
});

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL checked before a logger is made from it; pino's own refusal is a stack trace. */
export function logLevel(value: string | undefined): (typeof LOG_LEVELS)[number] {
  if (value === undefined || value === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === value.trim().toLowerCase());
  if (!level) throw new ConfigError(`LOG_LEVEL: "${value.slice(0, 40)}" is not a log level; use one of ${LOG_LEVELS.join(', ')}`);
  return level;
}

const schema = z.object({
  KNOWLEDGE_DIR: z.string().min(1).default(`${PACKAGE_ROOT}knowledge`),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  FLOW_TTL_MINUTES: positiveInt(366 * 24 * 60, 'a year').default(24 * 60),
  REPORT_RETENTION_DAYS: positiveInt(100 * 366, 'a hundred years').optional(),
  REPORT_REMINDER_DAYS: positiveInt(3660, 'ten years').default(14),
  QUESTION_RETENTION_DAYS: positiveInt(100 * 366, 'a hundred years').default(90),
  PORT: port.default(3000),
  HOST: host.default('0.0.0.0'),
});

export type CoreConfig = z.infer<typeof schema>;

/** Parses the environment; a wrong value is reported by its variable name and what was expected. */
export function parseEnv<T extends z.ZodType>(s: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = s.safeParse(cleaned);
  if (!parsed.success) {
    // Values are not echoed: some of these variables are secrets.
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${lines.join('\n- ')}`);
  }
  return parsed.data;
}

export function coreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  return parseEnv(schema, env);
}
