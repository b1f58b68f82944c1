import { TableClient } from '@azure/data-tables';
import { createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import type { CaseType, CaseTypeDefinition, Fragment } from '../../functions/src/contract/case-type';
import { CaseTypeDefinitionSchema } from '../../functions/src/contract/case-type';
import { CaseTypeAlreadyExists, CaseTypePreconditionFailed, type CaseTypeRepository } from '../../functions/src/ports/case-types';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';

jest.setTimeout(60_000);

let azurite: RunningAzurite;
let repository: CaseTypeRepository;
let tableNumber = 0;

beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite?.stop();
});
beforeEach(() => {
  tableNumber += 1;
  // A fresh (not yet existing) table per test: the repository must create it on first write.
  const table = TableClient.fromConnectionString(azurite.connectionString, `CaseTypesCheck${tableNumber}`, {
    allowInsecureConnection: true,
  });
  repository = createCaseTypeRepository(table);
});

const definition = (overrides: Partial<CaseTypeDefinition> = {}): CaseTypeDefinition =>
  CaseTypeDefinitionSchema.parse({
    key: 'klacht',
    name: 'Klacht',
    confidentiality: 'intern',
    phases: [{ key: 'afhandeling', name: 'Afhandeling', final: true }],
    outcomes: [{ key: 'gegrond', name: 'Gegrond', archive: { action: 'destroy', period: 'P1Y', trigger: 'closed' } }],
    ...overrides,
  });
const version = (n: number, overrides: Partial<CaseType> = {}): CaseType => ({
  ...definition(),
  version: n,
  status: 'published',
  publishedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

describe('the case-type repository on Table Storage', () => {
  it('reads nothing from a table that does not exist yet', async () => {
    expect(await repository.getDraft('klacht')).toBeUndefined();
    expect(await repository.getVersion('klacht', 1)).toBeUndefined();
    expect(await repository.listAllVersions()).toEqual([]);
    expect(await repository.listFragments()).toEqual([]);
  });

  it('creates one draft per key and refuses a second', async () => {
    const created = await repository.createDraft(definition(), 'beheerder', '2026-01-01T10:00:00.000Z');
    expect(created.etag).toMatch(/^W\/"/);
    expect(await repository.getDraft('klacht')).toEqual(created);
    await expect(repository.createDraft(definition(), 'beheerder', '2026-01-01T10:00:00.000Z')).rejects.toBeInstanceOf(
      CaseTypeAlreadyExists,
    );
  });

  it('replaces the draft only with its current ETag', async () => {
    const created = await repository.createDraft(definition(), 'a', '2026-01-01T10:00:00.000Z');
    const replaced = await repository.replaceDraft(
      definition({ name: 'Klacht 2' }),
      created.etag,
      'b',
      '2026-01-02T10:00:00.000Z',
    );
    expect(replaced.etag).not.toBe(created.etag);
    await expect(
      repository.replaceDraft(definition({ name: 'Klacht 3' }), created.etag, 'c', '2026-01-03T10:00:00.000Z'),
    ).rejects.toBeInstanceOf(CaseTypePreconditionFailed);
    expect((await repository.getDraft('klacht'))?.definition.name).toBe('Klacht 2');
  });

  it('stores versions create-only and lists them lowest first', async () => {
    await repository.addVersion(version(2));
    await repository.addVersion(version(1));
    await expect(repository.addVersion(version(1, { name: 'Anders' }))).rejects.toBeInstanceOf(CaseTypeAlreadyExists);
    expect((await repository.listVersions('klacht')).map((v) => [v.version, v.name])).toEqual([
      [1, 'Klacht'],
      [2, 'Klacht'],
    ]);
    expect(await repository.getVersion('klacht', 2)).toEqual(version(2));
  });

  it('reads a version as retired once marked, and marks it only once', async () => {
    await repository.addVersion(version(1));
    await repository.markRetired('klacht', 1, '2026-02-01T10:00:00.000Z');
    expect(await repository.getVersion('klacht', 1)).toEqual({
      ...version(1),
      status: 'retired',
      retiredAt: '2026-02-01T10:00:00.000Z',
    });
    await expect(repository.markRetired('klacht', 1, '2026-02-02T10:00:00.000Z')).rejects.toBeInstanceOf(CaseTypeAlreadyExists);
  });

  it('keeps versions of different keys apart', async () => {
    await repository.addVersion(version(1));
    await repository.addVersion({ ...version(1), key: 'klacht-extra' });
    expect(await repository.listVersions('klacht')).toHaveLength(1);
    expect((await repository.listAllVersions()).map((v) => v.key)).toEqual(['klacht', 'klacht-extra']);
  });

  it('round-trips a definition larger than one Table property (split over columns)', async () => {
    const fields = Array.from({ length: 400 }, (_, i) => ({
      key: `veld${i}`,
      label: `Een lang label met een emoji 🏠 voor veld ${i} `.repeat(4),
      type: 'text' as const,
      required: false,
    }));
    const big = definition({ fields });
    expect(JSON.stringify(big).length).toBeGreaterThan(64_000);
    await repository.createDraft(big, 'beheerder', '2026-01-01T10:00:00.000Z');
    expect((await repository.getDraft('klacht'))?.definition).toEqual(big);
  });

  it('stores fragments create-only and lists them', async () => {
    const fragment: Fragment = {
      key: 'klachtvelden',
      version: 1,
      name: 'Klachtvelden',
      kind: 'fields',
      items: [{ key: 'omschrijving', label: 'Omschrijving', type: 'longText', required: true }],
    };
    await repository.addFragment(fragment);
    await expect(repository.addFragment(fragment)).rejects.toBeInstanceOf(CaseTypeAlreadyExists);
    expect(await repository.listFragments()).toEqual([fragment]);
  });
});
