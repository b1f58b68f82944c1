import { performance } from 'node:perf_hooks';
import type { StorageQueueFunctionOptions } from '@azure/functions';
import { QueueClient } from '@azure/storage-queue';
import { createDependencies, loadApiConfig, registerCase, takeCase } from '@zaakwerk/functions/in-process';
import { register } from '@zaakwerk/functions/register';
import { InvocationTracker } from '../functions-host/invocations';
import { createRecorder } from '../functions-host/recorder';
import { defaultQueueOptions, startQueuePoller } from '../functions-host/storage-queues';
import { demoTenant, personaUpn, type DemoPersona } from '../m365/demo-tenant';
import { seedAssignment, seedTypes } from './seed-plan';

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
  /** Until the projector had worked off every outbox message of the seed. */
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

/**
 * Seeds `count` cases in-process with the API's own code (decision 0018): the registration use case
 * (number allocation, number index, case partition, outbox) as the contact centre, then the take use
 * case as one of the eight demo personas, both on the dependencies the API builds from the same settings.
 * The outbox messages go to the real `case-outbox` queue and are worked off by the API's own queue-trigger
 * handler (work queues, signals) run by the local host's queue poller in this process — so case
 * partitions, number index and read models are exactly what registrations through HTTP leave behind,
 * without the HTTP, token and JSON cost per case.
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
  const deps = createDependencies(loadApiConfig(env));
  // The API's registrations, wired exactly as in its host: the projector's handler is taken from them.
  const recorder = createRecorder();
  register(recorder.app, deps);
  const projector = recorder.registrations.find((r) => r.kind === 'storageQueue');
  if (!projector) throw new Error('the API registers no queue trigger for the outbox');
  const tracker = new InvocationTracker();
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
  const pollers = Array.from({ length: 2 }, () =>
    startQueuePoller(projector.name, projector.options as StorageQueueFunctionOptions, {
      connectionString,
      settings: { AzureWebJobsStorage: connectionString },
      queueOptions: { ...defaultQueueOptions, batchSize: 32, minPollingIntervalMs: 20, maxPollingIntervalMs: 200 },
      // A message the projector fails is retried by the poller (as by the Functions host): a retry, not a loss.
      log: (line) => {
        if (/error|warning/.test(line)) fail(/will be retried/.test(line) ? 'projection retried' : 'projection', line);
      },
      tracker,
    }),
  );
  const outbox = new QueueClient(connectionString, (projector.options as StorageQueueFunctionOptions).queueName);
  const backlog = async () =>
    (await outbox.getProperties().catch(() => ({ approximateMessagesCount: 0 }))).approximateMessagesCount ?? 0;

  const registrar = principalOf(demoTenant.personas.find((p) => p.login === 'kcc') as DemoPersona);
  const handlers = demoTenant.personas.map(principalOf);
  const cases: SeededCase[] = new Array<SeededCase>(count);
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const ticker = setInterval(() => {
    const seconds = (performance.now() - t0) / 1000;
    void backlog().then((waiting) =>
      progress(
        `  seeding: ${done}/${count} in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s), ${waiting} outbox messages waiting`,
      ),
    );
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
    const writeSeconds = (performance.now() - t0) / 1000;
    // The projector works off the rest; "empty" twice in a row with nothing running means done.
    for (let quiet = 0; quiet < 2;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      quiet = (await backlog()) === 0 ? quiet + 1 : 0;
      await tracker.drain();
    }
    return { cases: cases.filter(Boolean), failures, writeSeconds, totalSeconds: (performance.now() - t0) / 1000 };
  } finally {
    clearInterval(ticker);
    await Promise.all(pollers.map((poller) => poller.stop()));
    await tracker.drain();
  }
}
