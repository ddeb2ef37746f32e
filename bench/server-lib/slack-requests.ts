import { signatureFor } from '../../src/channels/slack/verify-signature.js';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-bench-0000-token';
const TEAM = 'T0BENCH';

const QUESTIONS = [
  'what notice is required before our funding is cut?',
  'how much notice does the council have to give if they end our grant?',
  'define LSP',
  'what is full cost recovery?',
  'how should the council consult us?',
  'how long should a consultation last?',
  'what does the Dacorum compact say about funding?',
  'who signed the Halton compact?',
  'what is the third sector?',
  'can we get paid in advance?',
  'what happens if a compact is broken?',
  'help',
];

/** How many users (and so DM conversations) the requests are spread over. */
const USERS = 200;

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

function signed(contentType: string, body: string): SignedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signatureFor(SIGNING_SECRET, timestamp, body),
    },
    body,
  };
}

/** `/compact <question>`: its answer goes to the response_url `/respond/<n>`, so the fake can count posts per command. */
export function slashCommand(n: number, responseUrl: (id: string) => string): SignedRequest {
  const user = `U0B${String(n % USERS).padStart(5, '0')}`;
  const form = new URLSearchParams({
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'bench',
    channel_id: 'C0BENCH01',
    channel_name: 'general',
    user_id: user,
    user_name: 'bench',
    command: '/compact',
    text: QUESTIONS[n % QUESTIONS.length]!,
    api_app_id: 'A0BENCH',
    response_url: responseUrl(String(n)),
    trigger_id: `trigger-${n}`,
  });
  return signed('application/x-www-form-urlencoded', form.toString());
}

/** A DM with a unique event_id, written in a thread of its own, so the fake can count replies per event by thread_ts. */
export function messageEvent(n: number): SignedRequest {
  const user = String(n % USERS).padStart(5, '0');
  const ts = `${1_700_000_000 + n}.000100`;
  return signed(
    'application/json',
    JSON.stringify({
      token: 'legacy',
      team_id: TEAM,
      api_app_id: 'A0BENCH',
      type: 'event_callback',
      event_id: `EvBENCH${n}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        channel_type: 'im',
        channel: `D0B${user}`,
        user: `U0B${user}`,
        text: QUESTIONS[(n * 7) % QUESTIONS.length]!,
        ts,
        thread_ts: ts,
        event_ts: ts,
      },
    }),
  );
}
