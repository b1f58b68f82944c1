import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TemplateSource } from '../../ports/template-source';

/**
 * functions/templates: from the sources (functions/src/adapters/templates) three levels up, from the
 * build (functions/dist/src/adapters/templates) four; a staged deployment copies the folder next to dist.
 */
export function shippedTemplatesDir(): string {
  const candidates = [join(__dirname, '../../../templates'), join(__dirname, '../../../../templates')];
  return candidates.find((dir) => existsSync(join(dir, 'word'))) ?? candidates[1]!;
}

/** Only plain names: no path separators or dot segments reach the file system. */
const safeName = (name: string): boolean => /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name) && !name.includes('..');

async function readIfExists<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The templates shipped with the API: `word/<name>.docx` and `email/<key>.txt` under `dir`. */
export function createShippedTemplates(dir: string = shippedTemplatesDir()): TemplateSource {
  return {
    async document(name) {
      if (!safeName(name) || !name.endsWith('.docx')) return null;
      return readIfExists(async () => new Uint8Array(await readFile(join(dir, 'word', name))));
    },
    async email(key) {
      if (!safeName(key)) return null;
      return readIfExists(() => readFile(join(dir, 'email', `${key}.txt`), 'utf8'));
    },
    async emailKeys() {
      const names = (await readIfExists(() => readdir(join(dir, 'email')))) ?? [];
      return names
        .filter((name) => name.endsWith('.txt'))
        .map((name) => name.slice(0, -'.txt'.length))
        .sort();
    },
  };
}
