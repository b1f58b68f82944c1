import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AppPackageError, packageApp } from './app-package/build-package';
import { generatedIcons } from './app-package/icons';
import { repoRoot } from './local-dir';

/**
 * `npm run package [-- --env <name>]`: builds appPackage/build/appPackage.<name>.zip from
 * appPackage/manifest.json with `${{...}}` filled from env/.env.<name> (default `local`: the demo tenant).
 * `--write-icons` regenerates the committed icons (app package and add-in ribbon) from code.
 */
export function parseArgs(argv: readonly string[]): { envName: string; writeIcons: boolean } {
  let envName = 'local';
  let writeIcons = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--env') {
      const value = argv[++i];
      if (!value) throw new Error('--env needs a name, e.g. --env dev');
      envName = value;
    } else if (arg.startsWith('--env=')) envName = arg.slice('--env='.length);
    else if (arg === '--write-icons') writeIcons = true;
    else throw new Error(`unknown argument '${arg}' (use --env <name> or --write-icons)`);
  }
  return { envName, writeIcons };
}

async function main(): Promise<void> {
  const { envName, writeIcons } = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  if (writeIcons) {
    for (const [path, png] of Object.entries(generatedIcons())) {
      await writeFile(join(root, path), png);
      console.log(`wrote ${path}`);
    }
  }
  const result = await packageApp(root, envName);
  console.log(`App package for '${envName}' is valid: ${relative(root, result.zipPath)}`);
  for (const entry of result.entries) console.log(`  ${entry.name} (${entry.data.length} bytes)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof AppPackageError || error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
