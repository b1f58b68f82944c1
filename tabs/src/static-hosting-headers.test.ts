import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type SwaConfig = { globalHeaders: Record<string, string>; routes: { route: string; headers?: Record<string, string> }[] };
const load = (app: string): SwaConfig =>
  JSON.parse(readFileSync(join(__dirname, `../../${app}/public/staticwebapp.config.json`), 'utf8')) as SwaConfig;
const ancestorsOf = (config: SwaConfig): string[] => {
  const directive = config.globalHeaders['Content-Security-Policy']
    ?.split(';')
    .find((d) => d.trim().startsWith('frame-ancestors'));
  return directive?.trim().split(/\s+/).slice(1) ?? [];
};

describe('security headers of the static apps (Azure Static Web Apps)', () => {
  it.each([
    ['tabs', ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft']],
    ['outlook-addin', ['https://outlook.office.com', 'https://outlook.office365.com', 'https://*.cloud.microsoft']],
  ])('lets only its hosts frame the %s, never any origin', (app, hosts) => {
    const ancestors = ancestorsOf(load(app));
    expect(ancestors).toEqual(expect.arrayContaining(["'self'", ...hosts]));
    expect(ancestors.filter((a) => a === '*' || a === 'https:' || a.startsWith('http:'))).toEqual([]);
  });

  it.each(['tabs', 'outlook-addin'])('sends nosniff, HSTS, a referrer policy and no X-Frame-Options in the %s', (app) => {
    const headers = load(app).globalHeaders;
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Strict-Transport-Security': expect.stringMatching(/max-age=\d{8}/),
      'Referrer-Policy': expect.any(String),
    });
    // X-Frame-Options cannot name the hosts; it would stop Teams and Outlook from framing the page.
    expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('x-frame-options');
    expect(headers['Content-Security-Policy']).toContain("object-src 'none'");
  });

  it.each([
    ['tabs', ["'self'"]],
    // Office.js must come from Microsoft's CDN (the add-in may not bundle it).
    ['outlook-addin', ["'self'", 'https://appsforoffice.microsoft.com']],
  ])('runs only its own scripts in the %s (and Office.js from its CDN), never inline or eval', (app, sources) => {
    const directive = load(app)
      .globalHeaders['Content-Security-Policy']?.split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(directive?.split(/\s+/).slice(1)).toEqual(sources);
  });

  it.each(['tabs', 'outlook-addin'])('never lets a browser cache the per-deployment config.json of the %s', (app) => {
    expect(load(app).routes.find((r) => r.route === '/config.json')?.headers).toEqual({ 'Cache-Control': 'no-store' });
  });
});
