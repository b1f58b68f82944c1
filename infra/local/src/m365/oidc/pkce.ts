import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 challenge is the base64url SHA-256 of the verifier: always 43 characters. */
const s256ChallengePattern = /^[A-Za-z0-9\-_]{43}$/;

export const isValidCodeChallenge = (challenge: string): boolean => s256ChallengePattern.test(challenge);

/** Checks a PKCE code_verifier against the S256 code_challenge of the authorization request. */
export function verifyPkceS256(verifier: string, challenge: string): boolean {
  if (!verifierPattern.test(verifier) || !isValidCodeChallenge(challenge)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
