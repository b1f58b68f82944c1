import {
  PublicClientApplication,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { RuntimeConfig } from '@zaakwerk/tabs/shared/config/runtime-config';
import { createAuthSession, type AuthSession } from './auth-session';
import { msalConfiguration } from './msal-config';

/**
 * Inside Outlook the pane asks for nested app auth. MSAL falls back to its standard client when the
 * host offers no NAA bridge (older Outlook clients, or a test page), and only calls the factory when
 * NAA is really there: that is how we know which mode we ended up in.
 */
export async function createSession(config: RuntimeConfig, insideOutlook: boolean, redirectUri: string): Promise<AuthSession> {
  const configuration = msalConfiguration(config, redirectUri);
  if (!insideOutlook) {
    return createAuthSession(await createStandardPublicClientApplication(configuration), 'standard', config.apiScope);
  }
  let nested = false;
  const client: IPublicClientApplication = await createNestablePublicClientApplication(
    configuration,
    undefined,
    (cfg, controller) => {
      nested = true;
      return new PublicClientApplication(cfg, controller);
    },
  );
  return createAuthSession(client, nested ? 'nested' : 'standard', config.apiScope);
}
