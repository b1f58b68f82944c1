import { z } from 'zod';
import { dependencyUnavailable } from '../../app/errors';

const DiscoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.url() });
export type DiscoveryDocument = z.infer<typeof DiscoveryDocument>;

/** Fetches and checks an OpenID Connect discovery document; a failure is a 503 (identity unavailable). */
export async function fetchDiscoveryDocument(discoveryUrl: string, timeoutMs: number): Promise<DiscoveryDocument> {
  let response: Response;
  try {
    response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    throw dependencyUnavailable('identity.unavailable', 'The identity provider cannot be reached.', error);
  }
  if (!response.ok) {
    throw dependencyUnavailable(
      'identity.unavailable',
      'The identity provider cannot be reached.',
      new Error(`discovery answered ${response.status}`),
    );
  }
  const parsed = DiscoveryDocument.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw dependencyUnavailable(
      'identity.unavailable',
      'The identity provider cannot be reached.',
      new Error('invalid discovery document'),
    );
  }
  return parsed.data;
}
