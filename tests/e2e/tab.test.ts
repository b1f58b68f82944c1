import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeScriptPath, launchBrowser, startStack, type RunningStack } from './support/stack';

/**
 * The Teams tab in a plain browser, against the real dev stack: MSAL signs in at the local Microsoft 365
 * (authorization code + PKCE), the tab calls the API with the user's token and shows the seeded work
 * queue. Inside Teams the same app uses nested app auth, which needs a real Teams host (not tested here).
 */
describe('the Teams tab in a browser', () => {
  let stack: RunningStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack({ services: ['tab'] });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await stack?.stop();
  });

  const tabUrl = (): string => {
    if (!stack.endpoints.tab) throw new Error('the stack was started without the tab');
    return stack.endpoints.tab;
  };
  const behandelaar = () => {
    const persona = stack.endpoints.personas.find((p) => p.login === 'behandelaar');
    if (!persona) throw new Error('the demo tenant has no behandelaar');
    return persona;
  };

  async function newContext(
    colorScheme: 'light' | 'dark' = 'light',
    forcedColors: 'active' | 'none' = 'none',
  ): Promise<BrowserContext> {
    // The local Microsoft 365 uses a certificate from the local CA, which Chromium does not know.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL', colorScheme, forcedColors });
    contexts.push(context);
    return context;
  }

  /** Opens the tab, signs in at the local Microsoft 365 login form, and waits until the tab is back. */
  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const authorityOrigin = new URL(stack.endpoints.authority).origin;
    await page.goto(tabUrl());
    await page.waitForURL((url) => url.origin === authorityOrigin, { timeout: 60_000 });
    await page.getByLabel('E-mailadres').fill(behandelaar().upn);
    await page.getByLabel('Wachtwoord').fill(behandelaar().password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL((url) => url.origin === new URL(tabUrl()).origin && url.pathname === '/', { timeout: 60_000 });
    return page;
  }

  let signedIn: Promise<Page> | undefined;
  /** One signed-in light-theme page, shared by the tests that only look at it. */
  const signedInPage = (): Promise<Page> => (signedIn ??= newContext('light').then(signIn));

  it('signs in at the local Microsoft 365 and shows the user and the Mijn werk list', async () => {
    const page = await signedInPage();

    await page.getByText(behandelaar().displayName, { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor({ timeout: 30_000 });
    await page.getByRole('table').waitFor({ timeout: 30_000 });
    const numbers = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => /ZAAK-\d{4}-\d{6}/.test(n))).toBe(true);
  }, 180_000);

  it('names the columns of the work list for screen readers', async () => {
    const page = await signedInPage();
    await page.getByRole('table').waitFor({ timeout: 30_000 });

    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['Zaaknummer', 'Titel', 'Zaaktype', 'Fase', 'Uiterste datum']);
  }, 180_000);

  it('has no axe-core violations on the Mijn werk page', async () => {
    const page = await signedInPage();
    await page.getByRole('table').waitFor({ timeout: 30_000 });

    const violations = await runAxe(page);
    if (violations.length > 0) console.log(`axe-core violations:\n${JSON.stringify(violations, null, 2)}`);
    expect(violations).toEqual([]);
  }, 180_000);

  it('uses the Fluent dark theme when the browser prefers a dark colour scheme', async () => {
    const light = await signedInPage();
    const dark = await signIn(await newContext('dark'));
    await dark.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor({ timeout: 30_000 });

    const lightBackground = await providerBackground(light);
    const darkBackground = await providerBackground(dark);
    expect(darkBackground).not.toEqual(lightBackground);
    expect(relativeLuminance(lightBackground)).toBeGreaterThan(0.8);
    expect(relativeLuminance(darkBackground)).toBeLessThan(0.1);

    const violations = await runAxe(dark);
    if (violations.length > 0) console.log(`axe-core violations (dark):\n${JSON.stringify(violations, null, 2)}`);
    expect(violations).toEqual([]);
  }, 180_000);

  it('uses the high-contrast theme when the system forces colours', async () => {
    const page = await signIn(await newContext('light', 'active'));
    await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor({ timeout: 30_000 });

    expect(await page.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe('contrast');
  }, 180_000);

  it('shows the problem from the API with a retry button, and recovers on retry', async () => {
    const page = await signedInPage();
    const casesUrl = `${stack.endpoints.api}/cases?queue=mine`;
    let failures = 0;
    await page.route(casesUrl, async (route) => {
      if (failures++ > 0) return route.continue();
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({
          type: 'urn:zaakwerk:problem:dependency.unavailable',
          title: 'Service Unavailable',
          status: 503,
          detail: 'Opslag is tijdelijk niet bereikbaar.',
          code: 'dependency.unavailable',
        }),
      });
    });
    try {
      await page.reload();
      await page.getByText('Je zaken konden niet worden geladen.').waitFor({ timeout: 60_000 });
      await page.getByText('Opslag is tijdelijk niet bereikbaar.').waitFor();
      await page.getByText('Foutcode: dependency.unavailable').waitFor();

      await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
      await page.getByRole('table').waitFor({ timeout: 30_000 });
      expect(failures).toBe(2);
    } finally {
      await page.unroute(casesUrl);
    }
  }, 180_000);

  it('says so when no cases are assigned to the user', async () => {
    const page = await signedInPage();
    const casesUrl = `${stack.endpoints.api}/cases?queue=mine`;
    await page.route(casesUrl, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ items: [], nextCursor: null }),
      }),
    );
    try {
      await page.reload();
      await page.getByText('Je hebt geen zaken in behandeling.').waitFor({ timeout: 60_000 });
      expect(await page.getByRole('table').count()).toBe(0);
    } finally {
      await page.unroute(casesUrl);
    }
  }, 180_000);

  it('shows a bilingual error page instead of signing in when config.json is missing', async () => {
    const context = await newContext();
    await context.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const page = await context.newPage();
    await page.goto(tabUrl());

    await page.getByRole('heading', { name: 'Zaakwerk kan niet starten' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Zaakwerk cannot start' }).waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(tabUrl()).origin);
  }, 120_000);

  it('does not wait for teams-js when framed by a page that is not a Microsoft 365 host', async () => {
    // A real local page (not about:blank) so the frame is a secure context, as it would be in Teams.
    const host = await serveFramingPage(tabUrl());
    try {
      const context = await newContext();
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(host.url);

      const frame = page.frameLocator('iframe[title="Zaakwerk"]');
      await frame.getByText('Meld je aan om je zaken te zien.').waitFor({ timeout: 45_000 });
      // teams-js alone would only give up after 60 s; the tab's own race allows 3 s.
      expect(Date.now() - started).toBeLessThan(45_000);
      await frame.getByRole('button', { name: 'Aanmelden' }).waitFor();
    } finally {
      await host.close();
    }
  }, 120_000);

  it('serves the privacy statement and terms of use the app manifest links to, axe-clean', async () => {
    const page = await (await newContext()).newPage();
    for (const [path, heading] of [
      ['/privacy.html', 'Privacyverklaring Zaakwerk'],
      ['/gebruiksvoorwaarden.html', 'Gebruiksvoorwaarden Zaakwerk'],
    ] as const) {
      const response = await page.goto(`${tabUrl()}${path}`);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await runAxe(page)).toEqual([]);
    }
  });

  it('shows the configurable tab set-up page without signing in, and says it needs Teams outside Teams', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${tabUrl()}/index.html?view=configure`);
    await page
      .getByText('Deze pagina werkt alleen in Microsoft Teams, bij het toevoegen van een tab.')
      .waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).origin).toBe(new URL(tabUrl()).origin);
    expect(await runAxe(page)).toEqual([]);
  });

  // Last, because it ends the session of the shared signed-in page.
  it('signs out to a page that does not sign in again by itself', async () => {
    const page = await signedInPage();
    await page.getByText(behandelaar().displayName, { exact: true }).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL((url) => url.origin === new URL(tabUrl()).origin && url.searchParams.has('signedOut'), {
      timeout: 60_000,
    });
    await page.getByText('Je bent afgemeld.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  }, 180_000);
});

/** A plain intranet page on 127.0.0.1 (another origin than the tab on localhost) that frames the tab. */
async function serveFramingPage(tab: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="nl"><title>Intranet</title><iframe title="Zaakwerk" src="${tab}/" width="900" height="600"></iframe></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeScriptPath() });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** The background colour Fluent's provider paints the app with, as `rgb(r, g, b)`. */
function providerBackground(page: Page): Promise<string> {
  return page
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
}

/** WCAG relative luminance of an `rgb()`/`rgba()` colour (0 black … 1 white). */
function relativeLuminance(color: string): number {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!match) throw new Error(`not an rgb() colour: ${color}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
