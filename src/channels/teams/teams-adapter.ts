import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { PlatformAdapter } from '../../core/index.js';
import { readBody, sendJson } from '../../http.js';
import type { Runtime } from '../../runtime.js';
import { adminCheck } from './admins.js';
import { parseActivity } from './inbound.js';
import { ReportAdmin } from './report-admin.js';
import { ReportNotices } from './report-notices.js';
import { ReporterMessages } from './reporter-messages.js';
import { type TeamsConfig, teamsConfig } from './teams-config.js';
import { TeamsTurns } from './teams-turns.js';

/** The public-cloud endpoints; restated because naming one (the OpenID metadata) means naming them all. */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
};

function authOptions(config: TeamsConfig): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  const app = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppTenantId: config.tenantId,
    MicrosoftAppType: config.appType,
  };
  return config.openIdMetadataUrl ? { ...app, ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl } : app;
}

/** The notices conversation named by TEAMS_REPORTS_CONVERSATION, as a reference the adapter can post to. */
function configuredReference(config: TeamsConfig): Partial<ConversationReference> | undefined {
  const c = config.reportsConversation;
  if (!c) return undefined;
  const bot = { id: config.appId ? `28:${config.appId}` : 'compact-bot', name: 'compact-bot' };
  const conversation = { id: c.id, conversationType: 'channel', isGroup: true, name: '' };
  return { channelId: 'msteams', serviceUrl: c.serviceUrl, bot, conversation };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** A bad or missing token is the caller's fault (401); anything else, such as the signing keys being unreachable, is ours (503). */
function authStatus(error: unknown): number {
  const e = error as { statusCode?: number; name?: string };
  if (e.statusCode === 401 || ['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes(e.name ?? '')) return 401;
  return 503;
}

/** The first line of what went wrong; botbuilder wraps turn errors in a line of its own and a stack. */
const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .replace(/^CloudAdapter\.processActivityDirect\(\): ERROR\s*/, '')
    .split('\n')[0]!
    .trim();

/**
 * Microsoft Teams (and the Bot Framework Emulator) at POST /api/messages. botbuilder's CloudAdapter checks
 * tokens and sends replies; everything else (state, flows, answers) is the core's.
 */
export async function createTeamsAdapter(app: Runtime, env: NodeJS.ProcessEnv, log: Logger): Promise<PlatformAdapter | undefined> {
  const config = teamsConfig(env);
  if (!config) return undefined;
  const auth = new ConfigurationBotFrameworkAuthentication(authOptions(config));
  const adapter = new CloudAdapter(auth);
  const notices = new ReportNotices(adapter, config.appId ?? '', app.store, app.kb, log, configuredReference(config));
  const admins = adminCheck(config.mode, config.adminAadIds);
  const turns = new TeamsTurns(app, admins, notices, log);
  const reportAdmin = new ReportAdmin(app, admins);
  const reporters = new ReporterMessages(adapter, config.appId ?? '', app.store, log);
  app.reports.addMessenger('teams', (submission, text) => reporters.tell(submission, text));
  app.reports.addReminderPoster((reminder) => notices.remind(reminder));
  const local = config.mode === 'local';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Local mode checks no tokens, so it answers this machine only, whatever HOST the server listens on.
    if (local && !isLoopback(req.socket.remoteAddress)) {
      return sendJson(res, 403, { error: 'local mode (no MICROSOFT_APP_ID) only answers requests from this machine' });
    }
    const parsed = parseActivity(await readBody(req));
    if ('error' in parsed) return sendJson(res, 400, { error: parsed.error });
    const activity: Activity = parsed.activity;
    if (local && !LOOPBACK.has(new URL(activity.serviceUrl).hostname)) {
      return sendJson(res, 403, { error: 'local mode (no MICROSOFT_APP_ID) only replies to a service on this machine (localhost)' });
    }
    const authenticated = await auth
      .authenticateRequest(activity, req.headers.authorization ?? '')
      .catch((error: unknown) => error as Error);
    if (authenticated instanceof Error) {
      const status = authStatus(authenticated);
      log.warn({ status, reason: message(authenticated) }, 'teams: request refused');
      return sendJson(res, status, {
        error: status === 401 ? 'unauthorized' : 'the request could not be authenticated just now; try again',
      });
    }
    const invoke = activity.type === 'invoke';
    if (invoke && activity.name !== 'adaptiveCard/action') {
      return sendJson(res, 501, { error: 'invoke activities other than adaptiveCard/action are not handled' });
    }
    // Without the store the turn still runs, so the user hears that nothing can be saved rather than nothing.
    const claimed =
      !activity.id || (await app.store.claimEvent(`teams:${activity.conversation.id}:${activity.id}`, new Date()).catch(() => true));
    if (!claimed) return sendJson(res, 200, { duplicate: true });
    let invokeResponse: unknown;
    try {
      await reporters.remember(activity);
      await adapter.processActivityDirect(authenticated, activity, async (ctx) => {
        invokeResponse = reportAdmin.handles(ctx.activity) ? await reportAdmin.onInvoke(ctx) : await turns.onTurn(ctx);
      });
    } catch (error) {
      log.error({ error: message(error) }, 'teams: the turn failed');
      return sendJson(res, 500, { error: 'the turn failed' });
    }
    sendJson(res, 200, invoke ? invokeResponse : {});
  }

  if (local) {
    log.warn(
      { production: config.production },
      'teams: LOCAL MODE - MICROSOFT_APP_ID is not set, so requests to /api/messages are NOT authenticated: only requests from this ' +
        'machine are answered, replies go only to localhost service URLs (Bot Framework Emulator, tests), and nobody is an administrator.',
    );
  }
  if (config.openIdMetadataUrl) {
    log.warn(
      { url: config.openIdMetadataUrl },
      'teams: inbound tokens are checked against the keys named by TEAMS_OPENID_METADATA_URL, ' +
        'not the Bot Framework’s own; for tests only',
    );
  }
  return { name: 'teams', routes: [{ method: 'POST', path: '/api/messages', handle }] };
}
