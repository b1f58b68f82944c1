import { Client } from '@microsoft/microsoft-graph-client';
import type { ApiConfig } from '../../config';
import type { GraphTokenSource } from './graph-tokens';

/**
 * A Graph client with the API's own identity (client credentials), for lookups no user token covers,
 * such as the user the bot acts for. Its tokens come from the API's one token source (MSAL caches them).
 */
export function createAppOnlyGraphClient(config: Pick<ApiConfig, 'graph'>, tokens: GraphTokenSource): Client {
  const { graph } = config;
  return Client.initWithMiddleware({
    baseUrl: graph.baseUrl,
    defaultVersion: 'v1.0',
    // The Graph client only attaches tokens for Microsoft's Graph hosts unless told about others.
    customHosts: new Set([new URL(graph.baseUrl).hostname]),
    authProvider: { getAccessToken: () => tokens({ kind: 'app' }) },
  });
}
