export type { AuthSession, SignInOutcome } from './auth-session';
export { startBrowserAuth } from './browser-auth';
export type { BrowserAuthOptions } from './browser-auth';
export { startTeamsAuth } from './teams-auth';
export { buildMsalConfiguration, redirectUriFor, apiScopes } from './msal-config';
