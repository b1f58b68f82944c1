import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  packageApp,
  renderAppPackage,
  resolveEnvironment,
  shippedSchemaPath,
  validateAppPackage,
  type RenderedPackage,
} from '../../infra/local/src/app-package/build-package';
import { generatedIcons } from '../../infra/local/src/app-package/icons';
import { decodePng } from '../../infra/local/src/app-package/png';
import { readZip } from '../../infra/local/src/app-package/zip';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';

const repo = resolve(__dirname, '../..');

/**
 * A copy of the repository's app package inputs, so tests can break things without touching the tree.
 * A developer's own env/.env.local and *.user files are left out: the tests describe the committed defaults.
 */
function scratchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zaakwerk-apppkg-'));
  cpSync(join(repo, 'appPackage'), join(dir, 'appPackage'), {
    recursive: true,
    filter: (src) => !src.includes(`${'appPackage'}/build`),
  });
  cpSync(join(repo, 'env'), join(dir, 'env'), {
    recursive: true,
    filter: (src) => !src.endsWith('.env.local') && !src.endsWith('.user'),
  });
  return dir;
}

const cleanEnv = {} as NodeJS.ProcessEnv;
let realFetch: typeof fetch;
let fetchCalls: string[];

beforeEach(() => {
  // The manifest schemas must come from the package on disk: any network fetch fails the test.
  realFetch = globalThis.fetch;
  fetchCalls = [];
  globalThis.fetch = (async (input: string | URL | Request) => {
    fetchCalls.push(String(input));
    throw new Error(`no network in this test: ${String(input)}`);
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('the unified Microsoft 365 app manifest', () => {
  let rendered: RenderedPackage;
  let scratch: string;
  beforeAll(async () => {
    scratch = scratchRepo();
    rendered = await renderAppPackage(scratch, await resolveEnvironment(scratch, 'local', cleanEnv));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('uses a manifest version whose schema @microsoft/app-manifest ships', () => {
    expect(Number(rendered.manifest.manifestVersion)).toBeGreaterThanOrEqual(1.22);
    expect(existsSync(shippedSchemaPath(rendered.manifest.manifestVersion))).toBe(true);
    expect(rendered.manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${rendered.manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('validates offline against the shipped schema, with its localisation file and icons', async () => {
    expect(await validateAppPackage(rendered)).toEqual([]);
    expect(fetchCalls).toEqual([]);
  });

  it('fills every placeholder from the environment, here the local demo tenant', () => {
    const text = rendered.entries[0]?.data.toString('utf8') ?? '';
    expect(text).not.toContain('${{');
    expect(rendered.manifest.webApplicationInfo).toEqual({
      id: demoTenant.apiApp.clientId,
      resource: demoTenant.apiApp.appIdUri,
    });
    expect(rendered.manifest.bots?.[0]?.botId).toBe(demoTenant.botApp.clientId);
  });

  it('has the personal tab "Mijn werk", a configurable tab, the bot with "hallo" and a message extension', () => {
    const m = rendered.manifest;
    expect(m.staticTabs?.[0]).toMatchObject({
      name: 'Mijn werk',
      contentUrl: 'http://localhost:53000/index.html?host=teams',
      scopes: ['personal'],
    });
    expect(m.configurableTabs?.[0]?.configurationUrl).toMatch(/^http:\/\/localhost:53000\//);
    expect(m.bots?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(m.bots?.[0]?.commandLists?.[0]?.commands.map((c) => c.title)).toContain('hallo');
    expect(m.composeExtensions?.[0]?.commands?.length).toBe(1);
  });

  it('declares the Outlook add-in: mailbox 1.3, the task pane page and a "Zaakwerk" button on read messages', () => {
    const extension = rendered.manifest.extensions?.[0];
    expect(extension?.requirements?.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.3' }]);
    expect(extension?.runtimes?.[0]?.code.page).toBe('http://localhost:3000/taskpane.html');
    const ribbon = extension?.ribbons?.[0];
    expect(ribbon?.contexts).toEqual(['mailRead']);
    const control = ribbon?.tabs[0]?.groups?.[0]?.controls?.[0];
    expect(control?.label).toBe('Zaakwerk');
    expect(control?.actionId).toBe(extension?.runtimes?.[0]?.actions?.[0]?.id);
  });

  it('points every ribbon icon at a file the add-in serves', () => {
    const urls = JSON.stringify(rendered.manifest.extensions).match(/http:\/\/localhost:3000\/assets\/[^"]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(existsSync(join(repo, 'outlook-addin/public', new URL(url).pathname))).toBe(true);
  });

  it('is Dutch by default with an English localisation', () => {
    expect(rendered.manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-NL',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
    const english = JSON.parse(rendered.entries.find((e) => e.name === 'en-US.json')?.data.toString('utf8') ?? '{}') as Record<
      string,
      string
    >;
    expect(english['staticTabs[0].name']).toBe('My work');
  });

  it('has a 192x192 colour icon and a 32x32 outline icon, as generated by code', () => {
    const color = decodePng(readFileSync(join(repo, 'appPackage/color.png')));
    const outline = decodePng(readFileSync(join(repo, 'appPackage/outline.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    for (const [path, png] of Object.entries(generatedIcons())) {
      expect({ path, same: readFileSync(join(repo, path)).equals(png) }).toEqual({ path, same: true });
    }
  });
});

describe('validation catches broken manifests', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = scratchRepo();
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports a manifest that breaks the schema', async () => {
    const path = join(scratch, 'appPackage/manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete manifest['developer'];
    manifest['accentColor'] = 42;
    writeFileSync(path, JSON.stringify(manifest));
    const problems = await validateAppPackage(
      await renderAppPackage(scratch, await resolveEnvironment(scratch, 'local', cleanEnv)),
    );
    expect(problems.join('\n')).toMatch(/developer/);
    expect(problems.join('\n')).toMatch(/accentColor/);
    expect(fetchCalls).toEqual([]);
  });

  it('reports a localisation string that is too long', async () => {
    const path = join(scratch, 'appPackage/en-US.json');
    const localized = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    localized['name.short'] = 'A name that is far too long for Teams to show';
    writeFileSync(path, JSON.stringify(localized));
    const problems = await validateAppPackage(
      await renderAppPackage(scratch, await resolveEnvironment(scratch, 'local', cleanEnv)),
    );
    expect(problems.some((p) => p.startsWith('en-US.json'))).toBe(true);
  });

  it('reports an outline icon that is not white on transparent', async () => {
    cpSync(join(scratch, 'appPackage/color.png'), join(scratch, 'appPackage/outline.png'));
    const problems = await validateAppPackage(
      await renderAppPackage(scratch, await resolveEnvironment(scratch, 'local', cleanEnv)),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/outline.png: must be 32x32/),
        expect.stringMatching(/white on transparent/),
      ]),
    );
  });

  it('names every value the dev environment still lacks before provision', async () => {
    const error = (await packageApp(scratch, 'dev', cleanEnv).catch((e: unknown) => e)) as Error;
    for (const name of ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_ENDPOINT', 'ADDIN_ENDPOINT'])
      expect(error.message).toContain(name);
    expect(error.message).not.toContain('APP_NAME_SUFFIX');
  });

  it('takes values from env/.env.<name>, overridden by process variables', async () => {
    writeFileSync(
      join(scratch, 'env/.env.test'),
      [
        'TEAMS_APP_ID=11111111-2222-4333-8444-555555555555',
        'APP_NAME_SUFFIX=',
        'AAD_APP_CLIENT_ID=22222222-2222-4333-8444-555555555555',
        'BOT_ID=33333333-2222-4333-8444-555555555555',
        'BOT_DOMAIN=bot.example.nl',
        'TAB_ENDPOINT=https://tab.example.nl',
        'TAB_DOMAIN=tab.example.nl',
        'ADDIN_ENDPOINT=https://addin.example.nl',
        'ADDIN_DOMAIN=addin.example.nl',
      ].join('\n'),
    );
    const values = await resolveEnvironment(scratch, 'test', { TAB_DOMAIN: 'override.example.nl' });
    const rendered = await renderAppPackage(scratch, values);
    expect(rendered.manifest.name.short).toBe('Zaakwerk');
    expect(rendered.manifest.webApplicationInfo?.resource).toBe('api://override.example.nl/22222222-2222-4333-8444-555555555555');
    expect(await validateAppPackage(rendered)).toEqual([]);
  });
});

describe('npm run package', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = scratchRepo();
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes appPackage/build/appPackage.local.zip with the manifest, icons and localisation, unzipping to the same bytes', async () => {
    const result = await packageApp(scratch, 'local', cleanEnv);
    expect(result.zipPath).toBe(join(scratch, 'appPackage/build/appPackage.local.zip'));
    const entries = readZip(readFileSync(result.zipPath));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'en-US.json']);
    expect(entries.find((e) => e.name === 'color.png')?.data.equals(readFileSync(join(scratch, 'appPackage/color.png')))).toBe(
      true,
    );
    expect(JSON.parse(entries[0]?.data.toString('utf8') ?? '')).toEqual(
      JSON.parse(readFileSync(join(scratch, 'appPackage/build/manifest.local.json'), 'utf8')),
    );
  });

  it('produces a zip that an independent reader (Python zipfile) accepts', async () => {
    const zipPath = join(scratch, 'appPackage/build/appPackage.local.zip');
    let python = true;
    try {
      execFileSync('python3', ['--version'], { stdio: 'ignore' });
    } catch {
      python = false;
    }
    if (!python) {
      console.warn('python3 not found: skipping the independent zip check');
      return;
    }
    const script =
      'import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: len(z.read(n)) for n in z.namelist()}))';
    const sizes = JSON.parse(execFileSync('python3', ['-c', script, zipPath], { encoding: 'utf8' })) as Record<string, number>;
    const ours = Object.fromEntries(readZip(readFileSync(zipPath)).map((e) => [e.name, e.data.length]));
    expect(sizes).toEqual(ours);
  });
});
