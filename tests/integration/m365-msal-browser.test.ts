import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { demoTenant, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';

jest.setTimeout(90_000);

// The local Microsoft 365 must be what @azure/msal-browser 5 needs, independent of the tab app: this page is
// a minimal SPA with the library's own browser build, signing in by redirect and refreshing silently.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const msalBuild = require.resolve('@azure/msal-browser').replace(/msal-browser\.cjs$/, 'msal-browser.js');
const apiScope = `${demoTenant.apiApp.appIdUri}/access_as_user`;

let stack: M365TestStack;
let spa: Server;
let browser: Browser;

function spaPage(origin: string): string {
  const config = {
    auth: {
      clientId: demoTenant.apiApp.clientId,
      authority: stack.m365.issuer,
      knownAuthorities: [new URL(stack.m365.url).host],
      redirectUri: `${origin}/`,
    },
    system: { protocolMode: 'OIDC' },
    cache: { cacheLocation: 'sessionStorage' },
  };
  return `<!doctype html><html lang="nl"><body><pre id="out">bezig</pre><script src="/msal-browser.js"></script><script>
  (async () => {
    const out = document.getElementById('out');
    try {
      const pca = new msal.PublicClientApplication(${JSON.stringify(config)});
      await pca.initialize();
      const result = await pca.handleRedirectPromise();
      if (!result) return pca.loginRedirect({ scopes: [${JSON.stringify(apiScope)}] });
      const refreshed = await pca.acquireTokenSilent({ scopes: [${JSON.stringify(apiScope)}], account: result.account, forceRefresh: true });
      out.textContent = JSON.stringify({ username: result.account.username, name: result.account.name, scopes: result.scopes, refreshed: refreshed.accessToken !== result.accessToken });
    } catch (e) {
      out.textContent = JSON.stringify({ error: e.errorCode || String(e), message: e.message });
    }
  })();
  </script></body></html>`;
}

beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  stack = await startM365TestStack();
  const library = readFileSync(msalBuild, 'utf8');
  spa = createServer((req, res) => {
    const origin = `http://localhost:${(spa.address() as AddressInfo).port}`;
    if (req.url === '/msal-browser.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(library);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(spaPage(origin));
  });
  await new Promise<void>((resolve) => spa.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (spa ? spa.close(resolve) : resolve(undefined)));
  await stack?.stop();
});

describe('@azure/msal-browser against the local Microsoft 365', () => {
  it('signs in by redirect through the Dutch sign-in form and refreshes the token silently', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`http://localhost:${(spa.address() as AddressInfo).port}/`);

    await page.getByLabel('E-mailadres').fill('behandelaar@zaakwerk.test');
    await page.getByLabel('Wachtwoord').fill('dev');
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    await page.waitForFunction(() => (document.getElementById('out')?.textContent ?? '').startsWith('{'), null, {
      timeout: 30_000,
    });
    const outcome = JSON.parse((await page.textContent('#out')) ?? '{}') as Record<string, unknown>;
    expect(outcome).toEqual({
      username: 'behandelaar@zaakwerk.test',
      name: 'Sanne de Vries',
      scopes: expect.arrayContaining([apiScope]) as unknown,
      refreshed: true,
    });
    await context.close();
  });
});
