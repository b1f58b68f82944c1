import { TableClient } from '@azure/data-tables';
import { caseTypesTableName, createCaseTypeRepository } from '@zaakwerk/functions/case-types-table';
import { startAzurite, type RunningAzurite } from '../azurite';
import { seedCaseTypes } from './seed';

jest.setTimeout(60_000);

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite?.stop();
});

const shipped = ['klacht', 'omgevingsvergunning', 'storingsonderhoud-netwerk', 'subsidieaanvraag'];

describe('seeding the shipped case types', () => {
  it('publishes each shipped type once as version 1, and a rerun publishes nothing', async () => {
    const log: string[] = [];
    expect(await seedCaseTypes(azurite.connectionString, (line) => log.push(line))).toEqual({
      published: shipped,
      present: [],
    });
    expect(await seedCaseTypes(azurite.connectionString, (line) => log.push(line))).toEqual({
      published: [],
      present: shipped,
    });

    const repository = createCaseTypeRepository(
      TableClient.fromConnectionString(azurite.connectionString, caseTypesTableName, { allowInsecureConnection: true }),
    );
    const versions = await repository.listAllVersions();
    expect(versions.map((v) => [v.key, v.version, v.status])).toEqual(shipped.map((key) => [key, 1, 'published']));
    expect(log).toEqual([`published case types: ${shipped.join(', ')}`, `case types already present: ${shipped.join(', ')}`]);
  });
});
