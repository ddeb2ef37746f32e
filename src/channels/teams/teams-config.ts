import { z } from 'zod';
import { ConfigError, parseEnv } from '../../config.js';

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
type AppType = (typeof APP_TYPES)[number];

const guid = (what: string) => z.guid(`must be ${what}, a GUID such as 00000000-0000-0000-0000-000000000000`);

const appType = z.string().transform((s, ctx) => {
  const match = APP_TYPES.find((t) => t.toLowerCase() === s.trim().toLowerCase());
  if (!match) ctx.addIssue({ code: 'custom', message: `must be ${APP_TYPES.join(', ')}` });
  return match ?? 'MultiTenant';
});

const flag = z.string().transform((s, ctx) => {
  const v = s.trim().toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  ctx.addIssue({ code: 'custom', message: 'must be 1 (on) or 0 (off)' });
  return false;
});

/** Teams' global Bot Connector endpoint, which reaches a team in any region. */
const GLOBAL = 'https://smba.trafficmanager.net/teams/';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const aadIds = z.string().transform((s, ctx) => {
  const ids = s
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !GUID.test(id));
  if (bad)
    ctx.addIssue({
      code: 'custom',
      message: `must be Azure AD (Entra ID) user object ids, GUIDs separated by commas; "${bad.slice(0, 60)}" is not one`,
    });
  return ids;
});

const schema = z
  .object({
    MICROSOFT_APP_ID: guid('the bot’s Microsoft app id').optional(),
    MICROSOFT_APP_PASSWORD: z.string().optional(),
    MICROSOFT_APP_TENANT_ID: guid('the Azure AD (Entra ID) tenant id').optional(),
    MICROSOFT_APP_TYPE: appType.default('MultiTenant'),
    TEAMS_LOCAL_MODE: flag.default(false),
    TEAMS_ADMIN_AAD_IDS: aadIds.default([]),
    TEAMS_OPENID_METADATA_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL of an OpenID configuration document' })
      .optional(),
    TEAMS_REPORTS_CONVERSATION: z
      .string()
      .regex(/^19:[^\s;]+$/, 'must be a Teams channel conversation id such as 19:abc123@thread.tacv2 (no ;messageid=…)')
      .optional(),
    TEAMS_REPORTS_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be the http(s) URL of the Bot Connector service for the team' })
      .optional(),
  })
  .superRefine((env, ctx) => {
    const issue = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (env.TEAMS_REPORTS_SERVICE_URL !== undefined && env.TEAMS_REPORTS_CONVERSATION === undefined) {
      issue('TEAMS_REPORTS_CONVERSATION', 'is required when TEAMS_REPORTS_SERVICE_URL is set');
    }
    if (env.MICROSOFT_APP_ID === undefined) {
      const url = env.TEAMS_REPORTS_SERVICE_URL;
      if (env.TEAMS_LOCAL_MODE && env.TEAMS_REPORTS_CONVERSATION !== undefined && !(url && LOOPBACK.has(new URL(url).hostname))) {
        issue('TEAMS_REPORTS_SERVICE_URL', 'must be a service on this machine (localhost) in local mode, which replies only there');
      }
      return;
    }
    if (env.TEAMS_LOCAL_MODE)
      issue('TEAMS_LOCAL_MODE', 'must not be 1 when MICROSOFT_APP_ID is set: local mode turns token validation off');
    if (env.MICROSOFT_APP_TYPE !== 'MultiTenant' && env.MICROSOFT_APP_TENANT_ID === undefined) {
      issue('MICROSOFT_APP_TENANT_ID', `is required when MICROSOFT_APP_TYPE is ${env.MICROSOFT_APP_TYPE}`);
    }
    if (env.MICROSOFT_APP_TYPE === 'UserAssignedMSI') {
      if (env.MICROSOFT_APP_PASSWORD !== undefined)
        issue('MICROSOFT_APP_PASSWORD', 'must not be set when MICROSOFT_APP_TYPE is UserAssignedMSI (the managed identity signs in)');
    } else if (env.MICROSOFT_APP_PASSWORD === undefined) {
      issue('MICROSOFT_APP_PASSWORD', `is required with MICROSOFT_APP_ID when MICROSOFT_APP_TYPE is ${env.MICROSOFT_APP_TYPE}`);
    }
  });

export interface TeamsConfig {
  /** "bot-framework": every request carries a Bot Framework token; "local": no tokens (Emulator, tests). */
  mode: 'bot-framework' | 'local';
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: AppType;
  adminAadIds: string[];
  openIdMetadataUrl?: string;
  /** Where breach report notices go until an administrator says otherwise (TEAMS_REPORTS_CONVERSATION). */
  reportsConversation?: { id: string; serviceUrl: string };
  production: boolean;
}

const TEAMS_VARIABLES = [
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_TENANT_ID',
  'MICROSOFT_APP_TYPE',
  'TEAMS_LOCAL_MODE',
  'TEAMS_ADMIN_AAD_IDS',
  'TEAMS_OPENID_METADATA_URL',
  'TEAMS_REPORTS_CONVERSATION',
  'TEAMS_REPORTS_SERVICE_URL',
] as const;

/** Settings that only mean something with an app id. */
const APP_ONLY = ['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_TYPE', 'TEAMS_OPENID_METADATA_URL'] as const;

const setIn = (env: NodeJS.ProcessEnv, names: readonly string[]) => names.filter((name) => env[name] !== undefined && env[name] !== '');

/**
 * The Teams settings, or undefined when Teams is off. Teams is on with MICROSOFT_APP_ID (tokens checked)
 * or with TEAMS_LOCAL_MODE=1 (no tokens; replies only to loopback service URLs). It is never on by default:
 * a forgotten NODE_ENV must not open an unauthenticated endpoint. Other Teams variables without either are an error.
 */
export function teamsConfig(env: NodeJS.ProcessEnv): TeamsConfig | undefined {
  const teamsEnv = Object.fromEntries(TEAMS_VARIABLES.map((name) => [name, env[name]]));
  const parsed = parseEnv(schema, teamsEnv);
  const production = env.NODE_ENV === 'production';
  if (parsed.MICROSOFT_APP_ID === undefined && parsed.TEAMS_LOCAL_MODE) {
    const stray = setIn(env, APP_ONLY);
    if (stray.length > 0) {
      throw new ConfigError(
        'Invalid configuration:\n' +
          stray.map((name) => `- ${name}: only applies with MICROSOFT_APP_ID; local mode (TEAMS_LOCAL_MODE=1) has no app`).join('\n'),
      );
    }
  } else if (parsed.MICROSOFT_APP_ID === undefined) {
    const stray = setIn(
      env,
      TEAMS_VARIABLES.filter((name) => name !== 'TEAMS_LOCAL_MODE'),
    );
    if (stray.length === 0) return undefined;
    throw new ConfigError(
      'Invalid configuration:\n- MICROSOFT_APP_ID: is required to turn Teams on ' +
        `(${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set)` +
        (production ? '' : '; or set TEAMS_LOCAL_MODE=1 for local mode with the Bot Framework Emulator'),
    );
  }
  return {
    mode: parsed.MICROSOFT_APP_ID === undefined ? 'local' : 'bot-framework',
    appId: parsed.MICROSOFT_APP_ID,
    appPassword: parsed.MICROSOFT_APP_PASSWORD,
    tenantId: parsed.MICROSOFT_APP_TENANT_ID,
    appType: parsed.MICROSOFT_APP_TYPE,
    adminAadIds: parsed.TEAMS_ADMIN_AAD_IDS,
    openIdMetadataUrl: parsed.TEAMS_OPENID_METADATA_URL,
    ...(parsed.TEAMS_REPORTS_CONVERSATION
      ? { reportsConversation: { id: parsed.TEAMS_REPORTS_CONVERSATION, serviceUrl: parsed.TEAMS_REPORTS_SERVICE_URL ?? GLOBAL } }
      : {}),
    production,
  };
}
