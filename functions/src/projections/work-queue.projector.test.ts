import { InvocationContext, type StorageQueueFunctionOptions } from '@azure/functions';
import type { CaseState } from '../domain/cases';
import type { FunctionsApp } from '../hosting/functions-app';
import type { CaseStore, LoadedCase } from '../ports/case-store';
import type { Logger } from '../ports/logger';
import type { ProjectionIndex, WorkQueueProjectionStore } from '../app/projections/project-work-queue';
import { aCaseState } from '../test-support/a-case-state';
import { loadApiConfig } from '../config';
import { registerWorkQueueProjector } from './work-queue.projector';

function projectorFixture() {
  const queues = new Map<string, StorageQueueFunctionOptions>();
  const app: FunctionsApp = {
    http: () => undefined,
    timer: () => undefined,
    storageQueue: (name, options) => void queues.set(name, options),
  };
  const loads: string[] = [];
  const caseStore: Pick<CaseStore, 'load'> = {
    load: <S>(caseId: string) => {
      loads.push(caseId);
      const loaded: LoadedCase<CaseState> = { state: aCaseState({ id: caseId }), lastSequence: 1, etag: 'W/"1"', lastHash: 'h' };
      return Promise.resolve(loaded as LoadedCase<S & CaseState>);
    },
  };
  let index: ProjectionIndex | null = null;
  const upserts: string[] = [];
  const store: WorkQueueProjectionStore = {
    readIndex: () => Promise.resolve(index),
    writeIndex: (_caseId, next) => {
      index = { ...next, etag: 'W/"x"' };
      return Promise.resolve(index.etag);
    },
    upsertRow: (row) => {
      upserts.push(`${row.partitionKey} ${row.rowKey}`);
      return Promise.resolve();
    },
    deleteRow: () => Promise.resolve(),
  };
  const errors: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message) => void errors.push(message),
    child: () => logger,
  };
  const config = loadApiConfig({ ZAAKWERK_ENV: 'local' });
  registerWorkQueueProjector(app, { caseStore: caseStore as CaseStore, loggerFor: () => logger, config, store });
  const options = queues.get('workQueueProjector');
  if (!options) throw new Error('the projector should be registered');
  const run = (item: unknown) => options.handler(item, new InvocationContext()) as Promise<void>;
  return { options, run, loads, upserts, errors };
}

describe('the work-queue projector function', () => {
  it('is triggered by the case-outbox queue on the AzureWebJobsStorage connection', () => {
    const { options } = projectorFixture();
    expect(options).toMatchObject({ queueName: 'case-outbox', connection: 'AzureWebJobsStorage' });
  });

  it('projects the case an outbox message names', async () => {
    const { run, loads, upserts } = projectorFixture();
    await run({ messageId: 'case-7:1:0', caseId: 'case-7', sequence: 1, n: 0, type: 'case.registered', payload: null });
    expect(loads).toEqual(['case-7']);
    // The deadline-family rows (the sort and search rows of ADR 0020 ride along; work-queue-rows.test.ts).
    expect(upserts.filter((key) => (key.split(' ')[1] ?? '') < ':')).toEqual([
      'assignee:oid-bea 2026-04-27|case-7',
      'caseType:omgevingsvergunning 2026-04-27|case-7',
    ]);
  });

  it('accepts the message as JSON text too', async () => {
    const { run, loads } = projectorFixture();
    await run(
      JSON.stringify({ messageId: 'case-8:1:0', caseId: 'case-8', sequence: 1, n: 0, type: 'case.changed', payload: null }),
    );
    expect(loads).toEqual(['case-8']);
  });

  it('logs and drops a message that is not an outbox message instead of retrying it', async () => {
    const { run, loads, errors } = projectorFixture();
    await expect(run({ hello: 'world' })).resolves.toBeUndefined();
    expect(loads).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});
