import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', alg: 'RS256' } };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An RS256 JWT as the Bot Framework would send one. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  return `${header}.${payload}.${b64url(sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey))}`;
}

/** Serves an OpenID configuration document and its JWKS on loopback, like login.botframework.com. */
export class FakeOpenIdIssuer {
  private server?: Server;
  fetches = 0;

  constructor(
    private readonly keys: SigningKey[],
    private readonly endorsements: string[] = ['msteams'],
  ) {}

  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.fetches++;
      const body =
        req.url === '/v1/.well-known/openidconfiguration'
          ? { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }
          : req.url === '/v1/.well-known/keys'
            ? { keys: this.keys.map((k) => ({ ...k.jwk, endorsements: this.endorsements })) }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not found' }));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
