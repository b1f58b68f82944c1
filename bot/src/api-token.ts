import { ConfidentialClientApplication, ProtocolMode } from '@azure/msal-node';
import type { AccessTokenProvider } from './api-client';
import type { BotConfig } from './config';

/**
 * Client-credentials tokens for the API, as the bot's own app registration. Created once per process:
 * MSAL keeps the token in its in-memory cache and only asks the authority again near expiry.
 */
export function createApiTokenProvider(config: Pick<BotConfig, 'bot' | 'api'>): AccessTokenProvider {
  const { msal } = config.api;
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: config.bot.clientId,
      clientSecret: config.bot.clientSecret,
      authority: msal.authority,
      knownAuthorities: msal.knownAuthorities,
    },
    system: { protocolMode: msal.protocolMode === 'OIDC' ? ProtocolMode.OIDC : ProtocolMode.AAD },
  });
  return async () => {
    const result = await client.acquireTokenByClientCredential({ scopes: [config.api.scope] });
    if (!result?.accessToken) throw new Error('the authority returned no access token');
    return result.accessToken;
  };
}
