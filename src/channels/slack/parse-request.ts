import { z } from 'zod';

/** What Slack posts to the request URL, told apart and checked for the fields the handlers rely on. */
type SlackRequest =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'event'; body: Record<string, unknown>; eventId: string }
  | { kind: 'command'; body: Record<string, unknown> }
  | { kind: 'interaction'; body: Record<string, unknown> };

export type Parsed = { ok: true; request: SlackRequest } | { ok: false; status: 400 | 415; error: string };

const id = z.string().min(1);

const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string().min(1).max(1000) });
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: id,
  event: z.looseObject({ type: id }),
});
const command = z.looseObject({
  command: z.string().regex(/^\/\S+$/),
  text: z.string().default(''),
  user_id: id,
  team_id: id,
  channel_id: id,
  trigger_id: id,
  response_url: z.url(),
});
const INTERACTIONS = ['block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion'] as const;
const interaction = z.looseObject({
  type: z.enum(INTERACTIONS),
  user: z.looseObject({ id }),
  team: z.looseObject({ id }).nullable().optional(),
});

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Slack's check of our certificate when a slash command is saved: unsigned, and nothing to act on. */
export function isSslCheck(contentType: string | undefined, rawBody: Buffer): boolean {
  return (
    mediaTypeOf(contentType) === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1'
  );
}

function fail(error: string, status: 400 | 415 = 400): Parsed {
  return { ok: false, status, error };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
  return `${issue.path.join('.') || 'body'}: ${missing ? 'is missing' : issue.message}`;
}

function parseJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: `${what} is not valid JSON` };
  }
}

/** Reads the body of a Slack request: JSON for events, a form for slash commands, a form with a JSON `payload` for interactions. */
export function parseSlackRequest(contentType: string | undefined, rawBody: Buffer): Parsed {
  const mediaType = mediaTypeOf(contentType);
  const text = rawBody.toString('utf8');
  if (mediaType === 'application/json') {
    const json = parseJson(text, 'body');
    if (!json.ok) return fail(json.error);
    const type = (json.value as { type?: unknown } | null)?.type;
    if (type === 'url_verification') {
      const v = urlVerification.safeParse(json.value);
      return v.success ? { ok: true, request: { kind: 'url_verification', challenge: v.data.challenge } } : fail(describe(v.error));
    }
    if (type === 'event_callback') {
      const e = eventCallback.safeParse(json.value);
      return e.success ? { ok: true, request: { kind: 'event', body: e.data, eventId: e.data.event_id } } : fail(describe(e.error));
    }
    return fail(`unsupported event type ${JSON.stringify(type ?? null).slice(0, 60)}`);
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    if (/%(?![0-9a-f]{2})/i.test(text)) return fail('body is not valid form encoding');
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) {
      const json = parseJson(payload, 'payload');
      if (!json.ok) return fail(json.error);
      const i = interaction.safeParse(json.value);
      return i.success ? { ok: true, request: { kind: 'interaction', body: i.data } } : fail(describe(i.error));
    }
    if (form.has('command')) {
      const c = command.safeParse(Object.fromEntries(form));
      return c.success ? { ok: true, request: { kind: 'command', body: c.data } } : fail(describe(c.error));
    }
    return fail('form body has neither a payload nor a command');
  }
  return fail(
    `content type ${JSON.stringify(mediaType || 'none')} is not one Slack sends (application/json or application/x-www-form-urlencoded)`,
    415,
  );
}
