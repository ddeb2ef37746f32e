import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { type Authorize, App as BoltApp, SocketModeReceiver, webApi } from '@slack/bolt';
import type { AdapterFactory } from '../adapter-factory.js';
import { boltLogger } from './bolt-logger.js';
import { registerButtons } from './buttons.js';
import { registerCommands } from './commands.js';
import { dedupeEvents } from './dedupe.js';
import type { SlackDeps } from './deps.js';
import { describeError } from './describe-error.js';
import { registerForms } from './forms.js';
import { registerHome } from './home.js';
import { registerMessages } from './messages.js';
import { SlackHttpReceiver } from './receiver.js';
import { ReplyOrder } from './reply-order.js';
import { registerReportAdmin } from './report-admin.js';
import { slackConfig } from './slack-config.js';

/** The Web API client retries 500s with backoff, and waits out a 429 for as long as Retry-After says. */
const WEB_API_OPTIONS = {
  retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8000, randomize: true },
  rejectRateLimitedCalls: false,
  timeout: 10_000,
  // The original error holds the request, bot token included; it must never reach a log line.
  attachOriginalToWebAPIRequestError: false,
};

const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/** Slack: on our HTTP server at /slack/events, or over Socket Mode when SLACK_APP_TOKEN is set. */
export const createSlackAdapter: AdapterFactory = async (app, env, log, options = {}) => {
  const config = slackConfig(env);
  if (!config) return undefined;
  const logger = boltLogger(log);
  const clientOptions = { ...WEB_API_OPTIONS, slackApiUrl: config.apiUrl };
  const httpReceiver = config.appToken ? undefined : new SlackHttpReceiver(config.signingSecret, log, options.clock);
  const receiver = httpReceiver ?? new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } });

  // Learnt once at start (auth.test), so that answering never waits on another Slack call first.
  let identity: { botUserId?: string; botId?: string } = {};
  const authorize: Authorize<boolean> = async () => ({ botToken: config.botToken, ...identity });

  // Connections to Slack are kept open between calls: a new TLS connection per answer costs more than the answer.
  // One agent serves the Web API and response_urls alike, so it follows the API's protocol (http only for a local fake).
  const agent = new URL(config.apiUrl).protocol === 'http:' ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
  // convoStore off: conversation state lives in our store, not in Bolt's memory.
  const bolt = new BoltApp({ receiver, authorize, logger, agent, clientOptions, convoStore: false });
  const deps: SlackDeps = { app, config, log, replies: new ReplyOrder() };
  bolt.error(async (error) => {
    log.error({ err: describeError(error) }, 'slack listener failed');
  });
  bolt.use(dedupeEvents(deps));
  registerMessages(bolt, deps);
  registerCommands(bolt, deps);
  registerButtons(bolt, deps);
  registerForms(bolt, deps);
  registerHome(bolt, deps);
  registerReportAdmin(bolt, deps, new webApi.WebClient(config.botToken, { ...clientOptions, agent, logger }));

  return {
    name: 'slack',
    routes: httpReceiver ? [httpReceiver.route] : [],
    async start() {
      try {
        const me = await bolt.client.auth.test({ token: config.botToken });
        identity = { botUserId: me.user_id, botId: me.bot_id };
      } catch (error) {
        const e = describeError(error);
        if (e.slackError && REFUSED_TOKEN.has(e.slackError))
          log.error({ slackError: e.slackError }, 'Slack refused SLACK_BOT_TOKEN; replies will fail until it is replaced');
        else log.warn({ err: e }, 'could not reach Slack to check the bot token; carrying on');
      }
      await bolt.start();
      log.info({ mode: httpReceiver ? 'http' : 'socket', botUserId: identity.botUserId }, 'slack ready');
    },
    async stop() {
      await bolt.stop();
      agent.destroy();
    },
  };
};
