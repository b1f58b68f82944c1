import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireStackLock } from './lock';

describe('the dev stack lock', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'zw-lock-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is refused while a live process holds it, and free again after release', async () => {
    const path = join(dir, 'dev-stack.pid');
    const first = await acquireStackLock(path);
    expect('release' in first).toBe(true);
    expect(await acquireStackLock(path)).toEqual({ heldBy: process.pid });
    if ('release' in first) await first.release();
    const again = await acquireStackLock(path);
    expect('release' in again).toBe(true);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const path = join(dir, 'dev-stack.pid');
    await writeFile(path, '999999999');
    const lock = await acquireStackLock(path);
    expect('release' in lock).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(String(process.pid));
  });
});
