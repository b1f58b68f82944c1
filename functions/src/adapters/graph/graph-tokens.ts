import { ConfidentialClientApplication, ProtocolMode } from '@azure/msal-node';
import { dependencyUnavailable, forbidden } from '../../app/errors';
import type { ApiConfig } from '../../config';
import type { GraphActor } from '../../ports/document-store';

/** A Graph access token for whom a call acts: on-behalf-of the user's own API token, or app-only. */
export type GraphTokenSource = (actor: GraphActor) => Promise<string>;

/**
 * One MSAL confidential client for the API; it caches app-only tokens and OBO tokens per user assertion,
 * so a user's Graph token is fetched once per hour, not per request.
 */
export function createGraphTokenSource(config: Pick<ApiConfig, 'identity' | 'graph'>): GraphTokenSource {
  const { identity, graph } = config;
  const secret = identity.apiClientSecret;
  const msal = secret
    ? new ConfidentialClientApplication({
        auth: {
          clientId: identity.apiClientId,
          clientSecret: secret,
          authority: identity.msal.authority,
          knownAuthorities: identity.msal.knownAuthorities,
        },
        system: { protocolMode: identity.msal.protocolMode === 'OIDC' ? ProtocolMode.OIDC : ProtocolMode.AAD },
      })
    : undefined;
  return async (actor) => {
    if (!msal)
      throw dependencyUnavailable(
        'graph.not-configured',
        'Microsoft Graph is not configured for this API (ZAAKWERK_API_CLIENT_SECRET).',
      );
    let result;
    try {
      result =
        actor.kind === 'user'
          ? await msal.acquireTokenOnBehalfOf({ oboAssertion: actor.assertion, scopes: [graph.scope] })
          : await msal.acquireTokenByClientCredential({ scopes: [graph.scope] });
    } catch (error) {
      // invalid_grant: the user's token cannot be exchanged (e.g. consent withdrawn): theirs to fix, not an outage.
      if (actor.kind === 'user' && (error as { errorCode?: string }).errorCode === 'invalid_grant')
        throw forbidden('documents.graph-consent-missing', 'Your sign-in cannot be used for SharePoint; sign in again.');
      throw dependencyUnavailable(
        'identity.unavailable',
        'The identity provider cannot issue a token for Microsoft Graph.',
        error,
      );
    }
    if (!result)
      throw dependencyUnavailable('identity.unavailable', 'The identity provider issued no token for Microsoft Graph.');
    return result.accessToken;
  };
}
