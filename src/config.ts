import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535');
const positiveInt = z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be greater than 0');

const schema = z.object({
  KNOWLEDGE_DIR: z.string().min(1).default(`${PACKAGE_ROOT}knowledge`),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  FLOW_TTL_MINUTES: positiveInt.default(24 * 60),
  REPORT_RETENTION_DAYS: positiveInt.optional(),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
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
