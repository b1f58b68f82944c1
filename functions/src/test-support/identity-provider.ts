import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
  publicJwk: JWK;
}

/**
 * A tiny OpenID provider for unit tests: discovery + JWKS over local HTTP, RS256 keys from jose, and
 * counters so tests can assert how often keys are fetched. Tokens are signed here, in the test.
 */
export async function startTestIdentityProvider(tenantId: string) {
  const keys: SigningKey[] = [await newKey('key-1')];
  let published: SigningKey[] = [...keys];
  const counts = { discovery: 0, jwks: 0 };
  const server: Server = createServer((req, res) => {
    if (req.url === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      counts.discovery++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer: issuer(), jwks_uri: `${origin()}/${tenantId}/discovery/v2.0/keys` }));
    } else if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
      counts.jwks++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published.map((k) => k.publicJwk) }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = () => `${origin()}/${tenantId}/v2.0`;

  return {
    issuer: issuer(),
    counts,
    /** The first (currently published) key. */
    get currentKey(): SigningKey {
      return published[0] as SigningKey;
    },
    newKey,
    /** Publishes a new key set (key rotation). */
    publish(keysToPublish: SigningKey[]) {
      published = keysToPublish;
    },
    async sign(claims: JWTPayload, options: { key?: SigningKey; header?: Record<string, unknown> } = {}): Promise<string> {
      const key = options.key ?? (published[0] as SigningKey);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...options.header })
        .sign(key.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}
