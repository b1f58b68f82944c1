import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type RunningAzurite } from '../azurite';
import { localDir } from '../local-dir';
import { startLocalM365, type LocalM365 } from './local-m365';

export interface M365TestStack {
  azurite: RunningAzurite;
  m365: LocalM365;
  /** A fresh temporary data folder (signing keys). */
  dataDir: string;
  /** Restarts the local Microsoft 365 on the same port, data folder and storage. */
  restartM365(): Promise<LocalM365>;
  stop(): Promise<void>;
}

/**
 * For integration tests: Azurite in memory and the local Microsoft 365 on free ports, with a temporary
 * data folder. Certificates come from the shared local folder, whose CA `with-local-env.js` makes Node trust.
 */
export async function startM365TestStack(opts: { log?: (line: string) => void } = {}): Promise<M365TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'zaakwerk-m365-'));
  const azurite = await startAzurite({ inMemory: true });
  const start = (port = 0): Promise<LocalM365> =>
    startLocalM365({
      port,
      dataDir,
      localDir: localDir(),
      storageConnectionString: azurite.connectionString,
      ...(opts.log ? { log: opts.log } : {}),
    });
  let m365: LocalM365;
  try {
    m365 = await start();
  } catch (error) {
    await azurite.stop();
    throw error;
  }
  const stack: M365TestStack = {
    azurite,
    m365,
    dataDir,
    async restartM365() {
      await stack.m365.close();
      stack.m365 = await start(Number(new URL(stack.m365.url).port));
      return stack.m365;
    },
    async stop() {
      await stack.m365.close();
      await azurite.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
