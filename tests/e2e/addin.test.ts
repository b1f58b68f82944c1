import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeScriptPath, launchBrowser, startStack, type RunningStack } from './support/stack';

/**
 * The Outlook task pane against the real dev stack. Outside Outlook there is no mailbox, so this test
 * (and only this test) stands in for Office.js: an init script defines an `Office` global with a
 * read-mode message, and the request for Microsoft's CDN copy of Office.js is blocked so it cannot
 * replace the stand-in (and so nothing leaves the machine). Everything else is real: the add-in's
 * dev server and config.json, MSAL against the local Microsoft 365, and the API's /me.
 */
const officeCdn = 'https://appsforoffice.microsoft.com/**';

interface MailboxStandIn {
  host: 'Outlook' | null;
  displayLanguage: string;
  subject: string;
  from: { displayName: string; emailAddress: string };
}

const message: MailboxStandIn = {
  host: 'Outlook',
  displayLanguage: 'nl-NL',
  subject: 'Aanvraag omgevingsvergunning Dorpsstraat 1',
  from: { displayName: 'Jan Jansen', emailAddress: 'jan@example.nl' },
};

/** Runs in the page before any of its scripts: the shape of Office.js the pane reads, nothing more. */
function defineOffice(standIn: MailboxStandIn): void {
  const item = {
    itemType: 'message',
    itemId: 'AAMkADzaakwerk-e2e',
    internetMessageId: '<e2e@example.nl>',
    conversationId: 'e2e',
    subject: standIn.subject,
    from: standIn.from,
  };
  (window as unknown as { Office: unknown }).Office = {
    onReady: () => Promise.resolve({ host: standIn.host, platform: standIn.host ? 'OfficeOnline' : null }),
    context: { displayLanguage: standIn.displayLanguage, mailbox: { item } },
  };
}

describe('the Outlook add-in task pane', () => {
  let stack: RunningStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack({ services: ['addin'] });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await stack?.stop();
  });

  const taskpaneUrl = (): string => {
    if (!stack.endpoints.addin) throw new Error('the stack was started without the add-in');
    return `${stack.endpoints.addin}/taskpane.html`;
  };
  const behandelaar = () => {
    const persona = stack.endpoints.personas.find((p) => p.login === 'behandelaar');
    if (!persona) throw new Error('the demo tenant has no behandelaar');
    return persona;
  };

  async function openPane(standIn: MailboxStandIn | null): Promise<{ page: Page; cdnRequests: string[] }> {
    // The local Microsoft 365 uses a certificate from the local CA, which Chromium does not know.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL', viewport: { width: 360, height: 720 } });
    contexts.push(context);
    const cdnRequests: string[] = [];
    await context.route(officeCdn, (route) => {
      cdnRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    if (standIn) await context.addInitScript(defineOffice, standIn);
    const page = await context.newPage();
    await page.goto(taskpaneUrl());
    return { page, cdnRequests };
  }

  let signedIn: Promise<Page> | undefined;
  /** Opens the pane in "Outlook", signs in at the local Microsoft 365 and returns once the pane is back. */
  const signedInPane = (): Promise<Page> =>
    (signedIn ??= (async () => {
      const { page } = await openPane(message);
      const authorityOrigin = new URL(stack.endpoints.authority).origin;
      await page.getByRole('button', { name: 'Aanmelden bij Zaakwerk' }).click({ timeout: 30_000 });
      await page.waitForURL((url) => url.origin === authorityOrigin, { timeout: 60_000 });
      await page.getByLabel('E-mailadres').fill(behandelaar().upn);
      await page.getByLabel('Wachtwoord').fill(behandelaar().password);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.waitForURL((url) => url.href.startsWith(taskpaneUrl()), { timeout: 60_000 });
      return page;
    })());

  it("loads Office.js from Microsoft's CDN and shows the selected message's subject and sender", async () => {
    const { page, cdnRequests } = await openPane(message);

    await page.getByRole('heading', { level: 2, name: 'Geselecteerde e-mail' }).waitFor({ timeout: 30_000 });
    await page.getByText('Aanvraag omgevingsvergunning Dorpsstraat 1', { exact: true }).waitFor();
    await page.getByText('Jan Jansen <jan@example.nl>', { exact: true }).waitFor();
    expect(cdnRequests).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  }, 120_000);

  it('signs in at the local Microsoft 365 and shows who /me says is signed in', async () => {
    const page = await signedInPane();

    await page.getByText(`Aangemeld als ${behandelaar().displayName}`, { exact: true }).waitFor({ timeout: 30_000 });
    expect(behandelaar().displayName).toBe('Sanne de Vries');
    // The message is still shown after the redirect round trip.
    await page.getByText('Aanvraag omgevingsvergunning Dorpsstraat 1', { exact: true }).waitFor();
  }, 180_000);

  it('has no axe-core violations signed out or signed in', async () => {
    const { page } = await openPane(message);
    await page.getByRole('button', { name: 'Aanmelden bij Zaakwerk' }).waitFor({ timeout: 30_000 });
    const before = await runAxe(page);
    if (before.length > 0) console.log(`axe-core violations (signed out):\n${JSON.stringify(before, null, 2)}`);
    expect(before).toEqual([]);

    const signedInPage = await signedInPane();
    await signedInPage.getByText(/^Aangemeld als /).waitFor({ timeout: 30_000 });
    const after = await runAxe(signedInPage);
    if (after.length > 0) console.log(`axe-core violations (signed in):\n${JSON.stringify(after, null, 2)}`);
    expect(after).toEqual([]);
  }, 180_000);

  it('can be used with the keyboard: Tab reaches the sign-in button', async () => {
    const { page } = await openPane(message);
    const button = page.getByRole('button', { name: 'Aanmelden bij Zaakwerk' });
    await button.waitFor({ timeout: 30_000 });
    await page.keyboard.press('Tab');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  }, 120_000);

  it("speaks English when Outlook's display language is English", async () => {
    const { page } = await openPane({ ...message, displayLanguage: 'en-US' });

    await page.getByRole('heading', { level: 2, name: 'Selected e-mail' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Sign in to Zaakwerk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  }, 120_000);

  it('runs as a plain web page when Office.js cannot be loaded (offline, outside Outlook)', async () => {
    const { page, cdnRequests } = await openPane(null);

    await page.getByText('Dit venster draait buiten Outlook: er is geen e-mail geselecteerd.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Aanmelden bij Zaakwerk' }).waitFor();
    expect(cdnRequests).toHaveLength(1);
  }, 120_000);
});

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
