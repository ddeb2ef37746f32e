import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App as BoltApp, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import type { HttpRoute } from '../../core/index.js';
import { BodyTooLargeError, readBody, sendJson } from '../../http.js';
import { admit } from './admission.js';
import { AfterAck } from './after-ack.js';
import { describeError } from './describe-error.js';
import { isSslCheck, parseSlackRequest } from './parse-request.js';
import { verifySlackSignature } from './verify-signature.js';

export const SLACK_EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 1024 * 1024;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Bolt's receiver for requests that reach our own HTTP server: events, slash commands and interactivity
 * all arrive on one path. Every request is verified before anything else happens.
 */
export class SlackHttpReceiver implements Receiver {
  private bolt?: BoltApp;
  /** All work in hand, acknowledged or not: drained on stop, counted against the memory ceiling. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Requests still waiting for the bot itself (not yet acknowledged and given their turn), by arrival; a Map keeps arrival order. */
  private readonly waiting = new Map<object, number>();
  private readonly afterAck = new AfterAck(4);
  private overloaded = false;

  constructor(
    private readonly signingSecret: string,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  init(app: BoltApp): void {
    this.bolt = app;
  }

  // The HTTP server belongs to compact-bot; there is nothing of our own to start.
  async start(): Promise<void> {}

  /** Lets work already acknowledged to Slack (answers still being posted) finish. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  readonly route: HttpRoute = { method: 'POST', path: SLACK_EVENTS_PATH, handle: (req, res) => this.handle(req, res) };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let rawBody: Buffer;
    try {
      rawBody = await readBody(req, BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      // The rest of the body is never read, so this connection cannot carry another request.
      res.setHeader('connection', 'close');
      return sendJson(res, 413, { error: `request body is larger than ${BODY_LIMIT} bytes` });
    }
    const contentType = header(req, 'content-type');
    if (isSslCheck(contentType, rawBody)) return sendJson(res, 200, {});
    const verified = verifySlackSignature({
      signingSecret: this.signingSecret,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      rawBody,
      now: this.clock(),
    });
    if (!verified.ok) {
      this.log.warn({ reason: verified.reason }, 'slack request refused');
      return sendJson(res, 401, { error: verified.reason });
    }
    const parsed = parseSlackRequest(contentType, rawBody);
    if (!parsed.ok) {
      this.log.warn({ status: parsed.status, reason: parsed.error }, 'slack request malformed');
      return sendJson(res, parsed.status, { error: parsed.error });
    }
    const request = parsed.request;
    if (request.kind === 'url_verification') return sendJson(res, 200, { challenge: request.challenge });

    const now = this.clock();
    const admission = admit(this.inFlight.size, this.waiting.values().next().value, now);
    if (!admission.ok) {
      // Said once per spell of overload, not per request refused.
      if (!this.overloaded) this.log.warn(admission, 'slack requests refused: too much work in hand');
      this.overloaded = true;
      return sendJson(res, 503, { error: 'busy; try again' });
    }
    if (this.overloaded) this.log.info('slack requests accepted again');
    this.overloaded = false;
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const ticket = {};
    this.waiting.set(ticket, now);
    const work = this.dispatch(
      res,
      {
        body: request.body,
        retryNum: Number.isInteger(retryNum) ? retryNum : undefined,
        retryReason: header(req, 'x-slack-retry-reason'),
      },
      () => this.waiting.delete(ticket),
    );
    this.inFlight.add(work);
    await work.finally(() => {
      this.inFlight.delete(work);
      this.waiting.delete(ticket);
    });
  }

  /**
   * Hands the request to Bolt; `ack` writes the HTTP response, and the work goes on after it, in its turn.
   * `started` is called when the request stops waiting for the bot: its work has its turn.
   */
  private async dispatch(res: ServerResponse, event: Omit<ReceiverEvent, 'ack'>, started: () => void): Promise<void> {
    let acked = false;
    const ack = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      if (response === undefined || response === '') {
        res.writeHead(200);
        res.end();
      } else {
        sendJson(res, 200, response);
      }
      await this.afterAck.turn();
      started();
    };
    try {
      await this.bolt!.processEvent({ ...event, ack });
    } catch (error) {
      this.log.error({ err: describeError(error) }, 'slack request failed');
      if (!acked) sendJson(res, 500, { error: 'internal error' });
      return;
    }
    if (!acked) sendJson(res, 404, { error: 'nothing here handles this request' });
  }
}
