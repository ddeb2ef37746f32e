// The naive baseline: a bare node:http server that reads the body, checks the Slack signature and acknowledges.
// No framework, no store, no answer: what is left of the benchmark's figures is the cost of HTTP and HMAC alone.

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackSignature } from '../../src/channels/slack/verify-signature.js';

const secret = process.env.SLACK_SIGNING_SECRET ?? '';
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const server = createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') return void res.writeHead(200).end();
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const verified = verifySlackSignature({
    signingSecret: secret,
    timestamp: header(req.headers['x-slack-request-timestamp']),
    signature: header(req.headers['x-slack-signature']),
    rawBody: Buffer.concat(chunks),
    now: Date.now(),
  });
  res.writeHead(verified.ok ? 200 : 401).end();
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`${JSON.stringify({ msg: 'ready', port: (server.address() as AddressInfo).port })}\n`);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
