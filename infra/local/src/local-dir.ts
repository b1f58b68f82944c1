import { resolve } from 'node:path';

/** The repository root, found from this package's location (infra/local/{src,dist/src}). */
export const repoRoot = (): string => resolve(__dirname, __dirname.includes(`${'dist'}`) ? '../../../..' : '../../..');

/** Where local state lives (Azurite data, certificates, keys, endpoints.json): ignored by Git. */
export const localDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.ZAAKWERK_LOCAL_DIR ? resolve(env.ZAAKWERK_LOCAL_DIR) : resolve(repoRoot(), '.local');
