import { createHash, randomBytes } from 'node:crypto';
import { verifyPkceS256 } from './pkce';

const challengeFor = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

describe('verifyPkceS256', () => {
  it('accepts the verifier whose SHA-256 is the challenge (RFC 7636 appendix B example)', () => {
    expect(verifyPkceS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(
      true,
    );
  });

  it('rejects a different verifier', () => {
    const verifier = randomBytes(32).toString('base64url');
    expect(verifyPkceS256(randomBytes(32).toString('base64url'), challengeFor(verifier))).toBe(false);
  });

  it('rejects the plain method, where the verifier itself is sent as challenge', () => {
    const verifier = 'a'.repeat(43);
    expect(verifyPkceS256(verifier, verifier)).toBe(false);
  });

  it.each([
    ['too short', 'a'.repeat(42)],
    ['too long', 'a'.repeat(129)],
    ['with characters outside the unreserved set', `${'a'.repeat(42)}+`],
  ])('rejects a verifier that is %s even when the challenge was computed from it', (_, verifier) => {
    expect(verifyPkceS256(verifier, challengeFor(verifier))).toBe(false);
  });
});
