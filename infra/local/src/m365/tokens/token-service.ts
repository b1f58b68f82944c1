import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKeys } from '../keys';

/** Signs tokens with the active key and verifies them against all published keys. */
export interface TokenService {
  readonly issuer: string;
  sign(claims: JWTPayload): Promise<string>;
  /** Verifies signature (RS256), issuer, audience and lifetime; throws a jose error otherwise. */
  verify(token: string, audience: string | string[]): Promise<JWTPayload>;
}

export function createTokenService(keys: SigningKeys, issuer: string): TokenService {
  return {
    issuer,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' }).sign(keys.privateKey),
    async verify(token, audience) {
      const { payload } = await jwtVerify(token, keys.keySet, { issuer, audience, algorithms: ['RS256'], clockTolerance: 30 });
      return payload;
    },
  };
}
