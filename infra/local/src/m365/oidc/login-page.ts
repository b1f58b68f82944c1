import { demoTenant, personaUpn } from '../demo-tenant';

export interface LoginPageInput {
  /** Where the form posts to. */
  action: string;
  /** The original authorization request (query string), carried through the form unchanged. */
  authorizationRequest: string;
  login?: string;
  /** Shown after a failed sign-in; never says whether the e-mail address or the password was wrong. */
  failed?: boolean;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c] as string);
}

/** The sign-in page: Dutch first, English second, labelled fields, errors announced to screen readers. */
export function renderLoginPage(input: LoginPageInput): string {
  const error = input.failed
    ? `<div class="error" role="alert" id="login-error">
        <p>Het e-mailadres of het wachtwoord is onjuist. Probeer het opnieuw.</p>
        <p lang="en" class="en">The e-mail address or password is incorrect. Please try again.</p>
      </div>`
    : '';
  const invalid = input.failed ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const personas = demoTenant.personas
    .map(
      (p) =>
        `<li><span class="upn">${escapeHtml(personaUpn(p))}</span> — ${escapeHtml(p.displayName)}, ${escapeHtml(p.jobTitle)}</li>`,
    )
    .join('\n          ');
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Aanmelden bij Zaakwerk (lokaal)</title>
    <style>${styles}</style>
  </head>
  <body>
    <main>
      <h1>Aanmelden bij Zaakwerk (lokaal)</h1>
      <p lang="en" class="en">Sign in to Zaakwerk (local)</p>
      <p>Dit is de lokale ontwikkelomgeving: alleen de demo-accounts werken.
        <span lang="en" class="en">This is the local development environment: only the demo accounts work.</span></p>
      ${error}
      <form method="post" action="${escapeHtml(input.action)}" novalidate>
        <input type="hidden" name="authorization_request" value="${escapeHtml(input.authorizationRequest)}">
        <label for="login">E-mailadres</label>
        <span class="hint" lang="en">E-mail address</span>
        <input id="login" name="login" type="text" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(input.login ?? '')}"${invalid}>
        <label for="password">Wachtwoord</label>
        <span class="hint" lang="en">Password</span>
        <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
        <button type="submit">Aanmelden</button>
      </form>
      <details>
        <summary>Demo-accounts <span lang="en" class="en">(demo accounts)</span></summary>
        <p>Wachtwoord voor alle accounts: <code>${escapeHtml(demoTenant.password)}</code>
          <span lang="en" class="en">Password for every account.</span></p>
        <ul>
          ${personas}
        </ul>
      </details>
    </main>
  </body>
</html>`;
}

/** A plain error page for requests that cannot be sent back to the application (unknown client, bad redirect URI). */
export function renderErrorPage(message: string): string {
  return `<!doctype html>
<html lang="nl">
  <head><meta charset="utf-8"><title>Aanmelden mislukt — Zaakwerk (lokaal)</title><style>${styles}</style></head>
  <body>
    <main>
      <h1>Aanmelden is niet gelukt</h1>
      <p lang="en" class="en">Sign-in failed</p>
      <div class="error" role="alert"><p>${escapeHtml(message)}</p></div>
    </main>
  </body>
</html>`;
}

/** The page after sign-out when no (allowed) return address was given. */
export function renderSignedOutPage(): string {
  return `<!doctype html>
<html lang="nl">
  <head><meta charset="utf-8"><title>Afgemeld — Zaakwerk (lokaal)</title><style>${styles}</style></head>
  <body>
    <main>
      <h1>U bent afgemeld</h1>
      <p lang="en" class="en">You have signed out.</p>
    </main>
  </body>
</html>`;
}

const styles = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; color: #242424; margin: 0; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  .en, .hint { color: #616161; font-size: .875rem; }
  form { display: flex; flex-direction: column; gap: .25rem; margin: 1.5rem 0; }
  label { font-weight: 600; margin-top: .75rem; }
  input { font: inherit; padding: .5rem; border: 1px solid #616161; border-radius: 4px; }
  input:focus, button:focus { outline: 2px solid #0f6cbd; outline-offset: 2px; }
  button { margin-top: 1.25rem; font: inherit; font-weight: 600; padding: .6rem; color: #fff; background: #0f6cbd; border: 0; border-radius: 4px; cursor: pointer; }
  .error { border-left: 4px solid #c50f1f; background: #fdf3f4; padding: .5rem 1rem; }
  .error p { margin: .25rem 0; }
  code, .upn { font-family: Consolas, monospace; }
`;
