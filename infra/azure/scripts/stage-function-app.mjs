#!/usr/bin/env node
/* global process, console */
// Stages one Function app (functions/ or bot/) as a self-contained folder for zip deploy:
//   node infra/azure/scripts/stage-function-app.mjs <functions|bot>   ->  .deploy/<app>/
// npm workspaces hoist every dependency to the repository root, so <app>/ alone has no node_modules,
// and workspace dependencies (@zaakwerk/*) are not on the registry. This copies the built app, copies
// its workspace dependencies (package.json + dist) into .deps/, and installs production dependencies next to it.
// Run after `npm run build`; needs the npm registry (deploy time is online).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const app = process.argv[2];
if (app !== 'functions' && app !== 'bot') {
  console.error('usage: stage-function-app.mjs <functions|bot>');
  process.exit(2);
}

const source = join(repo, app);
const target = join(repo, '.deploy', app);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Workspace packages by name, so @zaakwerk/* dependencies can be packed from their folders. */
function workspaces() {
  const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  return Object.fromEntries(
    root.workspaces.map((folder) => [JSON.parse(readFileSync(join(repo, folder, 'package.json'), 'utf8')).name, folder]),
  );
}

if (!existsSync(join(source, 'dist'))) {
  console.error(`${app}/dist is missing: run \`npm run build\` first`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, '.deps'), { recursive: true });
// functions/templates: the shipped Word and e-mail templates the API reads at runtime (ADR 0016).
for (const entry of ['host.json', 'dist', 'templates']) {
  if (existsSync(join(source, entry))) cpSync(join(source, entry), join(target, entry), { recursive: true });
}

const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
const byName = workspaces();
for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
  const folder = byName[name];
  if (!folder) continue;
  // Copy only what runs (package.json + dist): `npm pack` would drop dist/ because it is git-ignored.
  const copy = join(target, '.deps', folder.replace(/[\\/]/g, '-'));
  mkdirSync(copy, { recursive: true });
  cpSync(join(repo, folder, 'package.json'), join(copy, 'package.json'));
  cpSync(join(repo, folder, 'dist'), join(copy, 'dist'), { recursive: true });
  manifest.dependencies[name] = `file:./.deps/${folder.replace(/[\\/]/g, '-')}`;
  console.log(`bundled ${name}@${version} from ${folder}/`);
}
delete manifest.devDependencies;
delete manifest.scripts;
writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
execFileSync(npm, ['install', '--omit=dev', '--install-links', '--no-audit', '--no-fund', '--no-package-lock'], {
  cwd: target,
  stdio: 'inherit',
});
console.log(`staged ${app} in ${target}`);
