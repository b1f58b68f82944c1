import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { AppError, dependencyUnavailable, unauthenticated } from '../../app/errors';
import type { ApiConfig } from '../../config';
import type { Principal } from '../../domain/principal';
import { fetchDiscoveryDocument } from './openid-discovery';
import { principalFromClaims } from './principal-from-claims';

export interface TokenValidator {
  /** Verifies an access token for this API and returns who it speaks for; throws AppError otherwise. */
  validate(token: string): Promise<Principal>;
}

export interface TokenValidatorOptions {
  /** How long an unknown `kid` cannot trigger another JWKS fetch (jose's cooldown). */
  jwksCooldownMs?: number;
  /** How long fetched keys are trusted before they are fetched again. */
  jwksMaxAgeMs?: number;
  fetchTimeoutMs?: number;
  clockToleranceSeconds?: number;
}

const allowedAlgorithms = ['RS256'];
const maxTokenLength = 16 * 1024;
type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Validates Entra ID v2 access tokens (or the local Microsoft 365's, which look the same) against the
 * configured authority. Discovery is fetched once, lazily; keys come from jose's remote JWKS, which
 * caches them and refetches only for an unknown `kid`, at most once per cooldown.
 */
export function createTokenValidator(config: Pick<ApiConfig, 'identity'>, options: TokenValidatorOptions = {}): TokenValidator {
  const { identity } = config;
  const timeoutMs = options.fetchTimeoutMs ?? 5000;
  let keySet: Promise<KeySet> | undefined;

  const keys = (): Promise<KeySet> => {
    keySet ??= fetchDiscoveryDocument(identity.discoveryUrl, timeoutMs).then((discovery) =>
      createRemoteJWKSet(new URL(discovery.jwks_uri), {
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
        cacheMaxAge: options.jwksMaxAgeMs ?? 10 * 60_000,
        timeoutDuration: timeoutMs,
      }),
    );
    // A failed discovery is not cached: the next request tries again (the provider may be back).
    keySet.catch(() => (keySet = undefined));
    return keySet;
  };

  return {
    async validate(token) {
      if (token.length > maxTokenLength) throw invalidToken();
      checkHeader(token);
      const jwks = await keys();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: allowedAlgorithms,
          issuer: identity.authority,
          audience: [identity.apiClientId, identity.apiAppIdUri],
          clockTolerance: options.clockToleranceSeconds ?? 60,
          requiredClaims: ['exp', 'tid', 'ver'],
        }));
      } catch (error) {
        throw translateJoseError(error);
      }
      if (payload.tid !== identity.tenantId)
        throw unauthenticated('auth.invalid-tenant', 'The access token is from another tenant.');
      if (payload.ver !== '2.0') throw unauthenticated('auth.invalid-token', 'Only v2.0 access tokens are accepted.');
      return principalFromClaims(payload);
    },
  };
}

function checkHeader(token: string): void {
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw invalidToken();
  }
  // Rejected before any key lookup: `none`, HS* (public key as HMAC secret) and anything but RS256.
  if (!alg || !allowedAlgorithms.includes(alg)) throw invalidToken();
}

const invalidToken = () => unauthenticated('auth.invalid-token', 'The access token is not valid.');

/** jose's error codes to our stable codes; network trouble fetching keys is a 503, not a 401. */
function translateJoseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  const claim = (error as { claim?: unknown }).claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated('auth.expired', 'The access token has expired.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf') return unauthenticated('auth.not-yet-valid', 'The access token is not valid yet.');
      if (claim === 'aud') return unauthenticated('auth.invalid-audience', 'The access token is not meant for this API.');
      if (claim === 'iss') return unauthenticated('auth.invalid-issuer', 'The access token is from another issuer.');
      return invalidToken();
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return dependencyUnavailable('identity.unavailable', 'The identity provider cannot be reached.', error);
    default:
      if (typeof code === 'string' && (code.startsWith('ERR_JW') || code.startsWith('ERR_JOSE'))) return invalidToken();
      // Not a jose verdict on the token (e.g. ECONNREFUSED while fetching keys).
      return dependencyUnavailable('identity.unavailable', 'The identity provider cannot be reached.', error);
  }
}
