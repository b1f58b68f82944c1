import { readFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './openapi';
import { openApiFilePath } from './write-openapi';
import { apiVersion } from '../version';

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and names the contract schemas', () => {
    const document = buildOpenApiDocument('1.2.3');
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('1.2.3');
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Me', 'CaseSummary', 'CaseList', 'Health', 'Problem']),
    );
  });

  it('checked in as functions/openapi.json matches what the contract generates (run `npm run openapi` to update)', async () => {
    const checkedIn: unknown = JSON.parse(await readFile(openApiFilePath(), 'utf8'));
    expect(checkedIn).toEqual(buildOpenApiDocument(apiVersion));
  });
});
