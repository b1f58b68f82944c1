import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface StackLock {
  release(): Promise<void>;
}

/**
 * One dev stack per data folder: a pid file, checked for a live process, so that a second `npm start`
 * says that one runs instead of crashing on a busy port. A stale file (dead pid) is taken over.
 */
export async function acquireStackLock(path: string): Promise<StackLock | { heldBy: number }> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && isAlive(pid)) return { heldBy: pid };
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take the dev stack lock at ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
