import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RestError, TableClient } from '@azure/data-tables';
import { publishShippedCaseTypes } from '@zaakwerk/functions/case-types-seed';
import { caseTypesTableName, createCaseTypeRepository } from '@zaakwerk/functions/case-types-table';
import { upsertWorkQueueEntry, workQueueTableName } from '@zaakwerk/functions/work-queue';
import { demoCases, personaByLogin } from './demo-data';

const markerTable = 'DemoSeed';
const markerKey = { partitionKey: 'seed', rowKey: 'work-queue-v1' };

/**
 * Seeds demo data once per storage account: work-queue rows for the demo personas (until issue 4's
 * registration and projector exist, the work queue is the only case data). A marker row makes a rerun a
 * no-op, so dates stay where they were put the first time.
 */
export async function seedDemoData(
  connectionString: string,
  log: (line: string) => void,
  today = amsterdamToday(),
): Promise<'seeded' | 'present'> {
  // Case types first and on every start: idempotent per key, so a type added to the repo appears too.
  await seedCaseTypes(connectionString, log);
  const marker = TableClient.fromConnectionString(connectionString, markerTable, { allowInsecureConnection: true });
  await marker.createTable();
  try {
    const existing = await marker.getEntity<{ seededOn: string }>(markerKey.partitionKey, markerKey.rowKey);
    log(`demo data already present (seeded on ${existing.seededOn})`);
    return 'present';
  } catch (error) {
    if (!(error instanceof RestError && error.statusCode === 404)) throw error;
  }
  const workQueue = TableClient.fromConnectionString(connectionString, workQueueTableName, { allowInsecureConnection: true });
  for (const c of demoCases) {
    const assignee = personaByLogin(c.assignee);
    const receivedOn = addDays(today, -c.receivedDaysAgo);
    await upsertWorkQueueEntry(workQueue, {
      caseId: c.id,
      number: c.number,
      title: c.title,
      caseTypeKey: c.caseType.key,
      caseTypeName: c.caseType.name,
      status: c.status,
      phaseKey: c.phase.key,
      phaseName: c.phase.name,
      finalDeadline: addDays(receivedOn, c.termDays),
      receivedOn,
      assigneeId: assignee.id,
      assigneeName: assignee.displayName,
      confidentiality: c.confidentiality,
    });
  }
  await marker.createEntity({ ...markerKey, seededOn: today });
  log(`seeded ${demoCases.length} demo cases`);
  return 'seeded';
}

/** The example case types shipped in functions/case-types/ (YAML or JSON files). */
export const shippedCaseTypesDir = join(dirname(require.resolve('@zaakwerk/functions/package.json')), 'case-types');

/**
 * Publishes each shipped case type as version 1 unless its key already has a version, so `npm start`
 * always has the four examples and a rerun (or a type an administrator changed) is left as it is.
 */
export async function seedCaseTypes(
  connectionString: string,
  log: (line: string) => void,
  dir = shippedCaseTypesDir,
  now = new Date(),
): Promise<{ published: string[]; present: string[] }> {
  const files = readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const table = TableClient.fromConnectionString(connectionString, caseTypesTableName, { allowInsecureConnection: true });
  const result = await publishShippedCaseTypes(files, now.toISOString(), createCaseTypeRepository(table));
  if (result.published.length > 0) log(`published case types: ${result.published.join(', ')}`);
  if (result.present.length > 0) log(`case types already present: ${result.present.join(', ')}`);
  return result;
}

/** Today's date in Europe/Amsterdam as YYYY-MM-DD (en-CA formats dates that way). */
export function amsterdamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Calendar-day arithmetic on local dates, never on instants. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
