import { startBrowserAuth, startTeamsAuth } from './auth';
import type { AuthSession } from './auth';
import { ConfigLoadError, loadRuntimeConfig } from './shared/config/runtime-config';
import type { ConfigProblem, RuntimeConfig } from './shared/config/runtime-config';
import { decideHost, readHostSignals } from './host/detect-host';
import type { HostSignals } from './host/detect-host';
import { connectToTeamsHost, enableTabConfiguration } from './host/teams-host';
import type { TeamsHost } from './host/teams-host';
import { pickLocale } from './i18n';
import type { Locale } from './i18n';

/** Where start-up ended: the root component renders one page per outcome. */
export type BootResult =
  | { kind: 'config-error'; message: string; problems: ConfigProblem[] }
  | { kind: 'redirecting'; locale: Locale }
  | { kind: 'configure'; locale: Locale; teams: TeamsHost | null }
  | { kind: 'needs-sign-in'; locale: Locale; reason: 'signed-out' | 'framed'; signIn: () => Promise<void> }
  | { kind: 'auth-error'; locale: Locale; teams: TeamsHost | null; message: string }
  | { kind: 'ready'; locale: Locale; config: RuntimeConfig; session: AuthSession; teams: TeamsHost | null };

/** The locale before any host answered: `?lang=` wins, then the browser's languages. */
export function initialLocale(): Locale {
  return pickLocale([new URLSearchParams(window.location.search).get('lang'), ...navigator.languages]);
}

/**
 * Start-up, in order: runtime config → host detection (fast; teams-js only when a host is plausible) →
 * sign-in (nested app auth in a host, MSAL redirect in a browser).
 */
export async function boot(): Promise<BootResult> {
  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    if (error instanceof ConfigLoadError) return { kind: 'config-error', message: error.message, problems: error.problems };
    return { kind: 'config-error', message: String(error), problems: [] };
  }

  const signals: HostSignals = readHostSignals(window);
  const decision = decideHost(signals);
  const teams = decision.kind === 'try-teams' ? await connectToTeamsHost(decision.timeoutMs) : null;
  const locale = pickLocale([new URLSearchParams(window.location.search).get('lang'), teams?.locale, ...navigator.languages]);
  const origin = window.location.origin;

  // The configurable tab's set-up page (manifest configurationUrl): no sign-in needed to add the tab.
  if (new URLSearchParams(window.location.search).get('view') === 'configure') {
    if (teams) await enableTabConfiguration(`${origin}/index.html?host=teams`);
    return { kind: 'configure', locale, teams };
  }

  try {
    if (teams) {
      const session = await startTeamsAuth(config, origin, teams.loginHint);
      return { kind: 'ready', locale, config, session, teams };
    }
    const outcome = await startBrowserAuth(config, {
      origin,
      framed: signals.framed,
      justSignedOut: new URLSearchParams(window.location.search).has('signedOut'),
    });
    switch (outcome.status) {
      case 'signed-in':
        return { kind: 'ready', locale, config, session: outcome.session, teams: null };
      case 'redirecting':
        return { kind: 'redirecting', locale };
      case 'needs-sign-in':
        return { kind: 'needs-sign-in', locale, reason: outcome.reason, signIn: outcome.signIn };
    }
  } catch (error) {
    console.error('Zaakwerk: sign-in failed', error);
    return { kind: 'auth-error', locale, teams, message: error instanceof Error ? error.message : String(error) };
  }
}

let started: Promise<BootResult> | null = null;

/** Start-up runs once per page even when React mounts twice (StrictMode): MSAL must handle a redirect response only once. */
export function bootOnce(): Promise<BootResult> {
  started ??= boot();
  return started;
}
