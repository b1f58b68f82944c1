import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedTemplatesDir } from '../adapters/templates/shipped-templates';
import { buildDocx } from '../app/templates/docx-source';

/** The title of a template source: its first `# ` heading, else its name. */
export const sourceTitle = (source: string, name: string): string => /^# (.+)$/m.exec(source)?.[1]?.trim() ?? name;

/** Every template source (functions/templates/sources/<name>.txt) with the .docx it builds (word/<name>.docx). */
export function templateSources(dir = shippedTemplatesDir()): { name: string; source: string; docx: string }[] {
  return readdirSync(join(dir, 'sources'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      return { name, source: readFileSync(join(dir, 'sources', file), 'utf8'), docx: join(dir, 'word', `${name}.docx`) };
    });
}

/** `npm run templates`: builds functions/templates/word/*.docx from their readable sources. */
function main(): void {
  for (const { name, source, docx } of templateSources()) {
    writeFileSync(docx, buildDocx(source, sourceTitle(source, name)));
    console.log(`wrote templates/word/${name}.docx`);
  }
}

if (require.main === module) main();
