import { AppManifestUtils, type TeamsManifest, type TeamsManifestV1D24 } from '@microsoft/app-manifest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { localEnvDefaults, parseEnvFile } from './env-file';
import { fillJsonPlaceholders, placeholdersIn } from './placeholders';
import { decodePng } from './png';
import { readZip, writeZip, type ZipEntry } from './zip';

/** Placeholders that may legitimately be empty (production has no name suffix). */
const mayBeEmpty = new Set(['APP_NAME_SUFFIX']);

export class AppPackageError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AppPackageError';
  }
}

/**
 * The values for `${{...}}` in one environment: `env/.env.<name>` (required, except for `local`, whose
 * defaults are the demo tenant), overridden by process environment variables of the same name — the
 * same precedence the Agents Toolkit uses when it renders the manifest.
 */
export async function resolveEnvironment(
  repoRoot: string,
  envName: string,
  processEnv: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string>> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(envName)) throw new Error(`invalid environment name '${envName}'`);
  const file = join(repoRoot, 'env', `.env.${envName}`);
  let fromFile: Record<string, string> = {};
  if (existsSync(file)) fromFile = parseEnvFile(await readFile(file, 'utf8'));
  else if (envName !== 'local') throw new Error(`env/.env.${envName} does not exist`);
  const base: Record<string, string> = { ...(envName === 'local' ? localEnvDefaults : {}), ...fromFile };
  for (const key of Object.keys(base)) {
    const override = processEnv[key];
    if (override !== undefined && override !== '') base[key] = override;
  }
  return base;
}

function fillJson(name: string, template: string, values: Record<string, string>): unknown {
  const withEmptyAllowed: Record<string, string> = { ...values };
  const { text, missing } = fillJsonPlaceholders(template, withEmptyAllowed);
  const reallyMissing = missing.filter((m) => !(mayBeEmpty.has(m) && m in values));
  if (reallyMissing.length > 0) {
    throw new AppPackageError(
      `${name} has placeholders without a value`,
      reallyMissing.map((m) => `${m} (set it in env/.env.<name> or run provision)`),
    );
  }
  // An allowed-empty placeholder that was left in place becomes the empty string.
  return JSON.parse(text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, ''));
}

export interface RenderedPackage {
  /** Typed as the manifest version Zaakwerk uses; the schema check is what guarantees the shape. */
  manifest: TeamsManifestV1D24.TeamsManifestV1D24;
  /** The zip's entries in order: manifest.json, icons, localisation files. */
  entries: ZipEntry[];
}

/** Fills the manifest and localisation files and collects the files the manifest refers to. */
export async function renderAppPackage(repoRoot: string, values: Record<string, string>): Promise<RenderedPackage> {
  const dir = join(repoRoot, 'appPackage');
  const manifest = fillJson(
    'manifest.json',
    await readFile(join(dir, 'manifest.json'), 'utf8'),
    values,
  ) as RenderedPackage['manifest'];
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }];
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    entries.push({ name: icon, data: await readFile(join(dir, icon)) });
  }
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const localized = fillJson(language.file, await readFile(join(dir, language.file), 'utf8'), values);
    entries.push({ name: language.file, data: Buffer.from(`${JSON.stringify(localized, null, 2)}\n`) });
  }
  return { manifest, entries };
}

/** Where `@microsoft/app-manifest` keeps the schema for a manifest version (offline; no download). */
export function shippedSchemaPath(manifestVersion: string, file = 'MicrosoftTeams.schema.json'): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
}

async function loadSchema(path: string): Promise<object> {
  if (!existsSync(path)) throw new Error(`schema not shipped in @microsoft/app-manifest: ${path}`);
  return JSON.parse(await readFile(path, 'utf8')) as object;
}

/**
 * The shipped localisation schemas contain patterns such as `...\\b]\\.description$` that are valid
 * JavaScript regexes only without the `u` flag, which ajv always sets ("Lone quantifier brackets").
 * Escaping that lone `]` gives the same regex in both modes, so the schema keeps its meaning.
 */
function escapeLoneClosingBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else out += ch;
  }
  return out;
}

export function withUnicodeSafePatterns(schema: object): object {
  const fix = (pattern: string): string => {
    try {
      new RegExp(pattern, 'u');
      return pattern;
    } catch {
      return escapeLoneClosingBrackets(pattern);
    }
  };
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
          return [key, Object.fromEntries(Object.entries(value).map(([p, v]) => [fix(p), visit(v)]))];
        }
        if (key === 'pattern' && typeof value === 'string') return [key, fix(value)];
        return [key, visit(value)];
      }),
    );
  };
  return visit(schema) as object;
}

/**
 * Validates a rendered package: the manifest and each localisation file against the schemas shipped in
 * `@microsoft/app-manifest` (passed in explicitly, so the library never fetches one), and the icons'
 * sizes and colours as Teams requires them. Returns every problem found.
 */
export async function validateAppPackage(rendered: RenderedPackage): Promise<string[]> {
  const problems: string[] = [];
  const { manifest, entries } = rendered;
  const schema = await loadSchema(shippedSchemaPath(manifest.manifestVersion));
  const manifestErrors = await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, schema as never);
  problems.push(...manifestErrors.map((e) => `manifest.json${e}`));

  const localizationSchema = withUnicodeSafePatterns(
    await loadSchema(shippedSchemaPath(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json')),
  );
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const entry = entries.find((e) => e.name === language.file);
    if (!entry) {
      problems.push(`${language.file}: referenced by localizationInfo but missing`);
      continue;
    }
    const localized = JSON.parse(entry.data.toString('utf8')) as TeamsManifest;
    const errors = await AppManifestUtils.validateAgainstSchema(localized, localizationSchema as never);
    problems.push(...errors.map((e) => `${language.file}${e}`));
  }

  const icon = (name: string) => entries.find((e) => e.name === name)?.data;
  const color = icon(manifest.icons.color);
  const outline = icon(manifest.icons.outline);
  if (!color) problems.push(`${manifest.icons.color}: missing`);
  else {
    const { width, height } = decodePng(color);
    if (width !== 192 || height !== 192) problems.push(`${manifest.icons.color}: must be 192x192, is ${width}x${height}`);
  }
  if (!outline) problems.push(`${manifest.icons.outline}: missing`);
  else {
    const { width, height, pixels } = decodePng(outline);
    if (width !== 32 || height !== 32) problems.push(`${manifest.icons.outline}: must be 32x32, is ${width}x${height}`);
    for (let i = 0; i < pixels.length; i += 4) {
      const transparent = pixels[i + 3] === 0;
      const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
      if (!transparent && !white) {
        problems.push(`${manifest.icons.outline}: must be white on transparent (pixel ${i / 4} is not)`);
        break;
      }
    }
  }
  return problems;
}

export interface PackageResult {
  envName: string;
  zipPath: string;
  entries: ZipEntry[];
}

/** `npm run package`: render, validate, zip to appPackage/build/appPackage.<env>.zip, and read the zip back. */
export async function packageApp(
  repoRoot: string,
  envName: string,
  processEnv: NodeJS.ProcessEnv = process.env,
): Promise<PackageResult> {
  const values = await resolveEnvironment(repoRoot, envName, processEnv);
  const rendered = await renderAppPackage(repoRoot, values);
  const problems = await validateAppPackage(rendered);
  if (problems.length > 0) throw new AppPackageError(`the app package for '${envName}' is invalid`, problems);
  const zip = writeZip(rendered.entries);
  const roundTrip = readZip(zip);
  if (
    roundTrip.length !== rendered.entries.length ||
    roundTrip.some((e, i) => !e.data.equals(rendered.entries[i]?.data ?? Buffer.alloc(0)))
  ) {
    throw new Error('the written zip does not read back to the same files');
  }
  const buildDir = join(repoRoot, 'appPackage', 'build');
  await mkdir(buildDir, { recursive: true });
  const zipPath = join(buildDir, `appPackage.${envName}.zip`);
  await writeFile(zipPath, zip);
  await writeFile(join(buildDir, `manifest.${envName}.json`), rendered.entries[0]?.data ?? '');
  return { envName, zipPath, entries: rendered.entries };
}

export { placeholdersIn };
