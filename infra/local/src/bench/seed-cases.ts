import { performance } from 'node:perf_hooks';
import { QueueClient } from '@azure/storage-queue';
import {
  caseOutboxQueueName,
  createDependencies,
  createWorkQueueProjectionStoreFromConfig,
  loadApiConfig,
  type Dependencies,
  registerCase,
  takeCase,
  workQueueTypeInfo,
} from '@zaakwerk/functions/in-process';
import { startAzurite } from '../azurite';
import { demoTenant, personaUpn, type DemoPersona } from '../m365/demo-tenant';
import { seedAssignment, seedTypes } from './seed-plan';
import { projectSeededCases } from './seed-projection';

type Principal = Parameters<typeof registerCase>[1];
type Request = Parameters<typeof registerCase>[2];
type Logger = Parameters<typeof registerCase>[3];

export interface SeededCase {
  id: string;
  number: string;
}

export interface SeedResult {
  cases: SeededCase[];
  failures: Record<string, number>;
  /** Registered and taken: the part the registration and take use cases did. */
  writeSeconds: number;
  /** The seed's outbox: what the sweep still sent, and the messages dropped with the seed's own queue. */
  outbox: { sweptCases: number; sweptMessages: number; droppedMessages: number };
  /** The work-queue read model of the seeded cases, projected in bulk. */
  projection: { rows: number; seconds: number };
  /** Everything, from the first registration to the last index row. */
  totalSeconds: number;
}

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silent,
};

const principalOf = (persona: DemoPersona): Principal => ({
  kind: 'user',
  oid: persona.id,
  tid: demoTenant.tenantId,
  name: persona.displayName,
  upn: personaUpn(persona),
  email: personaUpn(persona),
  roles: [],
  groups: [],
});

/** A registration as the contact centre enters one: omgevingsvergunning with its fields, the others bare. */
export function seedRegistration(n: number): Request {
  const caseType = seedTypes[n % seedTypes.length] as string;
  if (caseType !== 'omgevingsvergunning') return { caseType, title: `Bench ${caseType} ${n}`, parties: [], fields: {} };
  return {
    caseType,
    title: `Bench dakkapel ${n}`,
    parties: [{ role: 'aanvrager', name: `Aanvrager ${n}`, email: `aanvrager${n}@example.nl` }],
    fields: {
      projectomschrijving: 'Dakkapel op het achterdakvlak',
      locatie: `Dorpsstraat ${n}, Voorbeeld`,
      bouwkosten: 12000 + n,
    },
    channel: 'api',
  };
}

/** `connectionString` with the queue endpoint of `queues` (both with explicit endpoints, as startAzurite's). */
export function withQueueEndpointOf(connectionString: string, queues: string): string {
  const queueEndpoint = queues.split(';').find((part) => part.startsWith('QueueEndpoint='));
  if (!queueEndpoint || !connectionString.includes('QueueEndpoint='))
    throw new Error('both connection strings need a QueueEndpoint');
  return connectionString
    .split(';')
    .map((part) => (part.startsWith('QueueEndpoint=') ? queueEndpoint : part))
    .join(';');
}

/** The API's dependencies from its settings, as its host builds them. */
export const seedDependencies = (env: NodeJS.ProcessEnv): Dependencies => createDependencies(loadApiConfig(env));

/**
 * Projects the work-queue read model of `cases` in bulk (seed-projection.ts) with the API's own row
 * function, type info and projection store on the API's storage: after seeding, and after restoring a
 * saved seed (which holds the cases, not their read models).
 */
export async function projectSeed(
  deps: Dependencies,
  cases: readonly SeededCase[],
  progress: (line: string) => void,
): Promise<{ rows: number; seconds: number }> {
  const t0 = performance.now();
  let done = 0;
  const ticker = setInterval(() => {
    const seconds = (performance.now() - t0) / 1000;
    progress(`  projecting: ${done}/${cases.length} in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s)`);
  }, 15_000);
  const projected = await projectSeededCases(
    cases.map((c) => c.id),
    {
      caseStore: deps.caseStore,
      store: createWorkQueueProjectionStoreFromConfig(deps.config),
      typeInfo: workQueueTypeInfo(deps.caseTypes),
    },
    { progress: (projectedSoFar) => void (done = projectedSoFar) },
  ).finally(() => clearInterval(ticker));
  const seconds = (performance.now() - t0) / 1000;
  progress(`  projected ${projected.cases} cases (${projected.rows} work-queue rows) in ${seconds.toFixed(0)} s`);
  return { rows: projected.rows, seconds };
}

/**
 * Seeds `count` cases in-process with the API's own code (decision 0018): the registration use case
 * (number allocation, number index, case partition, outbox) as the contact centre, then the take use
 * case as one of the eight demo personas, both on the dependencies the API builds from the same settings.
 *
 * The work queues are not left to the queue-triggered projector (two messages per case, one by one:
 * hours for 100,000 cases); the seeded cases are projected in bulk with the projector's own row function
 * and store, index rows included (projectSeed). Their outbox messages, which that projector would find
 * 'up-to-date', are still dispatched by the API's own dispatcher (outbox row sent, then deleted, marker
 * deleted), but to a `case-outbox` queue of the seed's own — a second in-memory Azurite that is dropped
 * afterwards with the messages in it — after the API's outbox sweep has sent whatever a failed dispatch
 * left. Not to the bench's Azurite: it would have to delete them again, and Azurite's queue clean-up
 * re-sorts its whole message-extent index for every deleted message (quadratic: days at 200,000).
 * Case partitions, number index and read models are what registrations through HTTP leave once the
 * projector has caught up, without the HTTP, token and JSON cost per case, and the API starts on an
 * empty queue.
 */
export async function seedCases(options: {
  count: number;
  concurrency: number;
  /** The API's settings (as its host process gets them). */
  env: NodeJS.ProcessEnv;
  connectionString: string;
  progress: (line: string) => void;
}): Promise<SeedResult> {
  const { count, concurrency, env, connectionString, progress } = options;
  const seedQueue = await startAzurite({ inMemory: true });
  try {
    const deps = seedDependencies({
      ...env,
      ZAAKWERK_STORAGE_CONNECTION_STRING: withQueueEndpointOf(connectionString, seedQueue.connectionString),
    });
    return await seedWith(deps, seedQueue.connectionString, { count, concurrency, progress });
  } finally {
    await seedQueue.stop();
  }
}

async function seedWith(
  deps: Dependencies,
  seedQueueConnectionString: string,
  options: { count: number; concurrency: number; progress: (line: string) => void },
): Promise<SeedResult> {
  const { count, concurrency, progress } = options;
  const failures: Record<string, number> = {};
  // Grouped by kind: ids are left out, so 5 000 alike failures are one line with a count.
  const fail = (step: string, error: unknown) => {
    const text = (error instanceof Error ? error.message : String(error)).replace(
      /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
      '…',
    );
    const key = `${step}: ${text.slice(0, 160)}`;
    failures[key] = (failures[key] ?? 0) + 1;
  };

  const registrar = principalOf(demoTenant.personas.find((p) => p.login === 'kcc') as DemoPersona);
  const handlers = demoTenant.personas.map(principalOf);
  const cases: SeededCase[] = new Array<SeededCase>(count);
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const ticker = setInterval(() => {
    const seconds = (performance.now() - t0) / 1000;
    progress(`  registering: ${done}/${count} in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s)`);
  }, 15_000);
  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (next < count) {
          const n = next++;
          try {
            const registered = await registerCase(deps, registrar, seedRegistration(n), silent);
            const handler = handlers[seedAssignment(n, handlers.length)] as Principal;
            const request = { caseId: registered.state.id, ifMatch: registered.etag };
            await takeCase(deps, handler, request, silent).catch((error: unknown) => fail('take', error));
            cases[n] = { id: registered.state.id, number: registered.state.number };
          } catch (error) {
            fail('register', error);
          }
          done++;
        }
      }),
    );
  } finally {
    clearInterval(ticker);
  }
  const writeSeconds = (performance.now() - t0) / 1000;
  const seeded = cases.filter(Boolean);
  progress(
    `  registered and took ${seeded.length} cases in ${writeSeconds.toFixed(0)} s (${(seeded.length / writeSeconds).toFixed(0)}/s)`,
  );

  // Whatever a failed dispatch left (marker and outbox rows) is sent by the API's own sweep; every message
  // of the seed stays unread in the seed's own queue: the bulk projection below stands for all of them.
  const swept = await deps.outbox.sweepOutbox({ olderThanMs: 0 });
  const queue = new QueueClient(seedQueueConnectionString, caseOutboxQueueName);
  const droppedMessages = (await queue.exists()) ? ((await queue.getProperties()).approximateMessagesCount ?? 0) : 0;

  const projection = await projectSeed(deps, seeded, progress);
  return {
    cases: seeded,
    failures,
    writeSeconds,
    outbox: { sweptCases: swept.cases, sweptMessages: swept.messages, droppedMessages },
    projection,
    totalSeconds: (performance.now() - t0) / 1000,
  };
}
