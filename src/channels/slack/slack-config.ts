import { z } from 'zod';
import { ConfigError, parseEnv } from '../../config.js';

const DEFAULT_API_URL = 'https://slack.com/api/';

const apiUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
  .transform((url) => (url.endsWith('/') ? url : `${url}/`))
  .refine((url) => new URL(url).pathname.endsWith('/api/'), 'must end in /api/, such as https://slack.com/api/');

const userIds = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .superRefine((ids, ctx) => {
    const bad = ids.filter((id) => !/^[UW][A-Z0-9]{2,}$/.test(id)).map((id) => JSON.stringify(id.slice(0, 30)));
    if (bad.length > 0)
      ctx.addIssue({
        code: 'custom',
        message:
          `${bad.join(', ')} ${bad.length > 1 ? 'are not Slack user ids' : 'is not a Slack user id'} (such as U0123ABCD); ` +
          'list ids separated by commas',
      });
  });

const schema = z
  .object({
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
    SLACK_API_URL: apiUrl.default(DEFAULT_API_URL),
    SLACK_REPORTS_CHANNEL: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id such as C0123ABCD (in Slack: channel details, at the bottom), not a #name')
      .optional(),
    SLACK_ADMIN_USERS: userIds.default([]),
  })
  .superRefine((env, ctx) => {
    const secret = env.SLACK_SIGNING_SECRET !== undefined;
    const token = env.SLACK_BOT_TOKEN !== undefined;
    if (secret && !token)
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when SLACK_SIGNING_SECRET is set' });
    if (token && !secret)
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required when SLACK_BOT_TOKEN is set' });
  });

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  appToken?: string;
  apiUrl: string;
  reportsChannel?: string;
  adminUsers: string[];
}

const SLACK_VARIABLES = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'SLACK_REPORTS_CHANNEL',
  'SLACK_ADMIN_USERS',
] as const;

/**
 * The Slack settings, or undefined when Slack is off (neither the signing secret nor the bot token set).
 * Other Slack variables without those two are an error rather than silently ignored.
 */
export function slackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  const slackEnv = Object.fromEntries(SLACK_VARIABLES.map((name) => [name, env[name]]));
  const parsed = parseEnv(schema, slackEnv);
  if (parsed.SLACK_SIGNING_SECRET === undefined || parsed.SLACK_BOT_TOKEN === undefined) {
    const stray = SLACK_VARIABLES.filter((name) => env[name] !== undefined && env[name] !== '');
    if (stray.length === 0) return undefined;
    throw new ConfigError(
      'Invalid configuration:\n- SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: are required to turn Slack on ' +
        `(${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set)`,
    );
  }
  return {
    signingSecret: parsed.SLACK_SIGNING_SECRET!,
    botToken: parsed.SLACK_BOT_TOKEN!,
    appToken: parsed.SLACK_APP_TOKEN,
    apiUrl: parsed.SLACK_API_URL,
    reportsChannel: parsed.SLACK_REPORTS_CHANNEL,
    adminUsers: parsed.SLACK_ADMIN_USERS,
  };
}
