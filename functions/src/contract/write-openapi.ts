import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { apiVersion } from '../version';
import { buildOpenApiDocument } from './openapi';

/** functions/openapi.json, from both src/contract (tests) and dist/src/contract (npm run openapi). */
export const openApiFilePath = (): string =>
  resolve(__dirname, __dirname.includes('dist') ? '../../../openapi.json' : '../../openapi.json');

/** The checked-in text: JSON formatted the way Prettier formats JSON, so `npm run lint` agrees. */
export async function renderOpenApiFile(): Promise<string> {
  const text = `${JSON.stringify(buildOpenApiDocument(apiVersion), null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { parser: 'json', filepath: openApiFilePath() });
  } catch (error) {
    // Prettier is a dev dependency of the repository root; without it plain JSON is still valid.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return text;
    throw error;
  }
}

async function main(): Promise<void> {
  const path = openApiFilePath();
  await writeFile(path, await renderOpenApiFile(), 'utf8');
  console.log(`wrote ${path}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
