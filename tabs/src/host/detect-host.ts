/**
 * Deciding quickly whether the tab runs inside a Microsoft 365 host (Teams, Outlook, microsoft365.com).
 * `app.initialize()` from teams-js only gives up after 60 seconds when the page has a parent window
 * that is not a Teams host, so we look at cheap signals first and race initialisation against a short
 * timeout only when a host is plausible.
 */

/** What the page can observe about its surroundings without talking to a host. */
export interface HostSignals {
  /** The page runs in a frame (Teams web and desktop embed tabs in an iframe). */
  framed: boolean;
  /** Teams mobile injects `window.nativeInterface` into its web view instead of framing the tab. */
  hasNativeInterface: boolean;
  /** `?host=` query parameter: the manifest's contentUrl sets `host=teams`; `host=browser` forces browser mode. */
  hostParam: string | null;
  /** Origin of the framing page, when the browser reveals it (`location.ancestorOrigins`). */
  ancestorOrigin: string | null;
}

export type HostDecision = { kind: 'browser'; reason: string } | { kind: 'try-teams'; timeoutMs: number; reason: string };

/** Time we give teams-js when we merely suspect a host, and when the page is clearly inside one. */
export const suspectedHostTimeoutMs = 3000;
export const knownHostTimeoutMs = 10000;

const microsoft365HostSuffixes = [
  'teams.microsoft.com',
  'teams.cloud.microsoft',
  'teams.live.com',
  'microsoft365.com',
  'office.com',
  'cloud.microsoft',
  'outlook.com',
];

/** True for origins of Microsoft 365 hosts that embed tabs (Teams, Outlook, the Microsoft 365 app). */
export function isMicrosoft365HostOrigin(origin: string | null): boolean {
  if (!origin) return false;
  let hostname: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:') return false;
    hostname = url.hostname.toLowerCase();
  } catch {
    return false;
  }
  return microsoft365HostSuffixes.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

/** Pure decision from the signals; see {@link readHostSignals} for where they come from. */
export function decideHost(signals: HostSignals): HostDecision {
  const hostParam = signals.hostParam?.toLowerCase() ?? null;
  if (hostParam === 'browser') return { kind: 'browser', reason: 'host=browser requested' };
  if (!signals.framed && !signals.hasNativeInterface) {
    // teams-js itself fails at once without a parent window or native bridge: nothing to wait for.
    return { kind: 'browser', reason: 'top-level window without a native host bridge' };
  }
  const confident = hostParam === 'teams' || signals.hasNativeInterface || isMicrosoft365HostOrigin(signals.ancestorOrigin);
  return confident
    ? { kind: 'try-teams', timeoutMs: knownHostTimeoutMs, reason: 'Microsoft 365 host signalled' }
    : { kind: 'try-teams', timeoutMs: suspectedHostTimeoutMs, reason: 'framed by an unknown page' };
}

/** The subset of `window` the signals are read from (an interface so tests need no DOM). */
export interface HostWindow {
  self: unknown;
  top: unknown;
  location: { search: string; ancestorOrigins?: { length: number; [index: number]: string } };
  nativeInterface?: unknown;
}

export function readHostSignals(win: HostWindow): HostSignals {
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    // Some browsers throw on cross-origin access to `top`: only a framed page gets here.
    framed = true;
  }
  const ancestors = win.location.ancestorOrigins;
  return {
    framed,
    hasNativeInterface: win.nativeInterface !== undefined && win.nativeInterface !== null,
    hostParam: new URLSearchParams(win.location.search).get('host'),
    ancestorOrigin: ancestors && ancestors.length > 0 ? (ancestors[0] ?? null) : null,
  };
}

/** Resolves with the promise's value, or rejects with a timeout error after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
