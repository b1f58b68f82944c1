import { ConfidentialClientApplication, ProtocolMode } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { dependencyUnavailable } from '../../app/errors';
import type { ApiConfig } from '../../config';

/**
 * A Graph client with the API's own identity (client credentials), for lookups no user token covers,
 * such as the user the bot acts for. MSAL caches the token; both objects are created once.
 */
export function createAppOnlyGraphClient(config: Pick<ApiConfig, 'identity' | 'graph'>): Client {
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
  return Client.initWithMiddleware({
    baseUrl: graph.baseUrl,
    defaultVersion: 'v1.0',
    // The Graph client only attaches tokens for Microsoft's Graph hosts unless told about others.
    customHosts: new Set([new URL(graph.baseUrl).hostname]),
    authProvider: {
      async getAccessToken() {
        if (!msal)
          throw dependencyUnavailable(
            'graph.not-configured',
            'Microsoft Graph is not configured for this API (ZAAKWERK_API_CLIENT_SECRET).',
          );
        try {
          const result = await msal.acquireTokenByClientCredential({ scopes: [graph.scope] });
          if (!result) throw new Error('no token from client credentials');
          return result.accessToken;
        } catch (error) {
          throw dependencyUnavailable(
            'identity.unavailable',
            'The identity provider cannot issue a token for Microsoft Graph.',
            error,
          );
        }
      },
    },
  });
}
