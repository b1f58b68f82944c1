import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RestError, TableClient } from '@azure/data-tables';
import { publishShippedCaseTypes } from '@zaakwerk/functions/case-types-seed';
import { caseTypesTableName, createCaseTypeRepository } from '@zaakwerk/functions/case-types-table';
import { workQueueTableName } from '@zaakwerk/functions/work-queue';
import { passwordGrantToken } from '../m365/client';
import { demoTenant } from '../m365/demo-tenant';
import { demoCases, personaByLogin, type DemoCase } from './demo-data';

const markerTable = 'DemoSeed';
const markerKey = { partitionKey: 'seed', rowKey: 'cases-v2' };
/** Before cases could be registered, the seed wrote work-queue rows for these ids straight into the read model. */
const legacyMarkerKey = { partitionKey: 'seed', rowKey: 'work-queue-v1' };
const legacyCaseIdPrefix = '0c6f6a2e-000';

/** Where the seed registers the demo cases: the running API, with persona tokens from the local Microsoft 365. */
export interface SeedTarget {
  apiBaseUrl: string;
  m365: { url: string; tenantId: string };
}

type Json = Record<string, unknown>;

/**
 * Seeds demo data once per storage account: the shipped case types (every start), then the demo cases
 * registered, assigned, moved and suspended through the API itself, as the personas would, so the
 * events, timelines and work queues are the real thing. A marker row makes a rerun a no-op, so dates
 * stay where they were put the first time; each registration carries an Idempotency-Key besides.
 */
export async function seedDemoData(
  connectionString: string,
  target: SeedTarget,
  log: (line: string) => void,
  today = amsterdamToday(),
): Promise<'seeded' | 'present'> {
  // Case types first and on every start: idempotent per key, so a type added to the repo appears too.
  await seedCaseTypes(connectionString, log);
  const marker = TableClient.fromConnectionString(connectionString, markerTable, { allowInsecureConnection: true });
  await marker.createTable();
  const existing = await getMarker(marker, markerKey);
  if (existing) {
    log(`demo data already present (seeded on ${existing.seededOn})`);
    return 'present';
  }
  if (await getMarker(marker, legacyMarkerKey)) await removeLegacyRows(connectionString, marker, log);

  const api = new DemoApi(target);
  for (const demo of demoCases) await seedCase(api, demo, today);
  await marker.createEntity({ ...markerKey, seededOn: today });
  log(`registered ${demoCases.length} demo cases through the API`);
  return 'seeded';
}

async function getMarker(marker: TableClient, key: typeof markerKey): Promise<{ seededOn: string } | null> {
  try {
    return await marker.getEntity<{ seededOn: string }>(key.partitionKey, key.rowKey);
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return null;
    throw error;
  }
}

/** Work-queue rows the old seed wrote for cases that never existed: removed, so the queues hold only real cases. */
async function removeLegacyRows(connectionString: string, marker: TableClient, log: (line: string) => void) {
  const workQueue = TableClient.fromConnectionString(connectionString, workQueueTableName, { allowInsecureConnection: true });
  let removed = 0;
  for await (const row of workQueue.listEntities<{ caseId?: string }>()) {
    if (typeof row.caseId === 'string' && row.caseId.startsWith(legacyCaseIdPrefix)) {
      await workQueue.deleteEntity(row.partitionKey ?? '', row.rowKey ?? '');
      removed += 1;
    }
  }
  await marker.deleteEntity(legacyMarkerKey.partitionKey, legacyMarkerKey.rowKey);
  log(`removed ${removed} work-queue rows of the old demo seed`);
}

async function seedCase(api: DemoApi, demo: DemoCase, today: string): Promise<void> {
  const registered = await api.call('coordinator', 'POST', '/cases', {
    body: {
      caseType: demo.caseType,
      title: demo.title,
      receivedOn: addDays(today, -demo.receivedDaysAgo),
      parties: demo.parties,
      fields: demo.fields,
    },
    headers: { 'idempotency-key': `seed-${demo.key}` },
  });
  const id = String(registered.body.id);
  let etag = registered.etag;
  const caseType = registered.body.caseType as { key: string; version: number };
  if (demo.assignee) {
    const assignee = personaByLogin(demo.assignee);
    etag = (await api.call('coordinator', 'POST', `/cases/${id}/assign`, { body: { assigneeId: assignee.id }, etag })).etag;
  }
  const actor = demo.assignee ?? 'coordinator';
  if (demo.phasesOn) {
    const type = await api.call(actor, 'GET', `/case-types/${caseType.key}/versions/${caseType.version}`);
    const phases = type.body.phases as { key: string; checklist: { key: string; required: boolean }[] }[];
    for (let step = 0; step < demo.phasesOn; step += 1) {
      const [current, next] = [phases[step], phases[step + 1]];
      if (!current || !next) break;
      for (const item of current.checklist.filter((i) => i.required)) {
        const body = { phase: current.key, item: item.key, done: true };
        etag = (await api.call(actor, 'POST', `/cases/${id}/checklist`, { body, etag })).etag;
      }
      etag = (await api.call(actor, 'POST', `/cases/${id}/phase`, { body: { phase: next.key }, etag })).etag;
    }
  }
  if (demo.suspended) {
    const { daysAgo, reason, term } = demo.suspended;
    const body = { on: addDays(today, -daysAgo), reason, term };
    await api.call(actor, 'POST', `/cases/${id}/suspend`, { body, etag });
  }
}

/** The API as a persona calls it: a token per persona (password grant against the local Microsoft 365). */
class DemoApi {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(private readonly target: SeedTarget) {}

  private token(login: string): Promise<string> {
    let token = this.tokens.get(login);
    if (!token) {
      const scope = `${demoTenant.apiApp.appIdUri}/${demoTenant.apiApp.scope}`;
      token = passwordGrantToken(this.target.m365, login, 'dev', scope);
      this.tokens.set(login, token);
    }
    return token;
  }

  async call(
    login: string,
    method: string,
    path: string,
    options: { body?: unknown; etag?: string; headers?: Record<string, string> } = {},
  ): Promise<{ body: Json; etag: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token(login)}`, ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.etag) headers['if-match'] = options.etag;
    const response = await fetch(`${this.target.apiBaseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`demo seed: ${method} ${path} as ${login} answered ${response.status}: ${text}`);
    return { body: JSON.parse(text) as Json, etag: response.headers.get('etag') ?? '' };
  }
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
