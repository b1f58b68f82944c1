import type { InvocationContext } from '@azure/functions';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { createAppOnlyGraphClient } from './adapters/graph/app-graph-client';
import { createGraphUserDirectory } from './adapters/graph/user-directory.graph';
import { createGraphDocumentStore } from './adapters/graph/document-store.graph';
import { createGraphTokenSource, type GraphTokenSource } from './adapters/graph/graph-tokens';
import { createShippedTemplates } from './adapters/templates/shipped-templates';
import { createGraphProbe, createIdentityProbe, createStorageProbe } from './adapters/health/probes';
import { createTokenValidator, type TokenValidator } from './adapters/identity/token-validator';
import { createJsonLogger } from './adapters/logging/json-logger';
import { accessLogTableName, createTableAccessLog } from './adapters/table-storage/access-log.table';
import { caseNumbersTableName, createTableCaseNumbers } from './adapters/table-storage/case-numbers.table';
import { caseNumberIndexTableName, createTableCaseNumberIndex } from './adapters/table-storage/case-number-index.table';
import { casesTableName, createTableCaseStore, outboxPendingTableName } from './adapters/table-storage/case-store.table';
import { withCaseTypeCache } from './adapters/table-storage/case-types.cached';
import { withTokenCache } from './adapters/identity/token-cache';
import { createTableEventLog } from './adapters/table-storage/case-store-events.table';
import { caseTypesTableName, createCaseTypeRepository } from './adapters/table-storage/case-types.table';
import { createTableIdempotencyStore, idempotencyTableName } from './adapters/table-storage/idempotency.table';
import { caseOutboxQueueName, createOutboxDispatcher } from './adapters/table-storage/outbox-dispatcher.table';
import { createQueueClient, createTableClient, createTableServiceClient } from './adapters/table-storage/table-clients';
import { workQueueTableName } from './adapters/table-storage/work-queue.table';
import { createTaskQueueReader } from './adapters/table-storage/task-queue.table';
import { createAccessResolver, type AccessResolver } from './app/access/access-resolver';
import type { HealthProbes } from './app/health/check-health';
import type { ApiConfig } from './config';
import type { AccessLog } from './ports/access-log';
import type { CaseNumberIndex, CaseNumbers } from './ports/case-numbers';
import type { CaseStore } from './ports/case-store';
import type { CaseTypeRepository } from './ports/case-types';
import type { DocumentStore } from './ports/document-store';
import type { TemplateSource } from './ports/template-source';
import { systemClock, type Clock, type EventLog } from './ports/event-log';
import type { IdempotencyStore } from './ports/idempotency';
import type { Logger } from './ports/logger';
import type { OutboxDispatcher } from './ports/outbox';
import type { UserDirectory } from './ports/user-directory';
import type { TaskQueueReader } from './ports/task-queue';
import type { SignalInbox } from './ports/signals';
import type { CaseQueueReader } from './ports/case-queues';
import { createCaseQueueReader } from './adapters/table-storage/case-queues.table';
import { workQueueViewsTableName } from './adapters/table-storage/work-queue-projection.table';
import { createSignalInbox, signalsTableName } from './adapters/table-storage/signal-inbox.table';

/** Everything the endpoints need, built once per process from validated config. */
export interface Dependencies {
  config: ApiConfig;
  tokenValidator: TokenValidator;
  userDirectory: UserDirectory;
  taskQueue: TaskQueueReader;
  caseTypes: CaseTypeRepository;
  caseStore: CaseStore;
  eventLog: EventLog;
  outbox: OutboxDispatcher;
  caseNumbers: CaseNumbers;
  caseNumberIndex: CaseNumberIndex;
  idempotency: IdempotencyStore;
  /** Graph tokens, on behalf of a user or app-only: one MSAL client (and token cache) per process. */
  graphTokens: GraphTokenSource;
  /** Case documents in the deployment's SharePoint library, on behalf of the user. */
  documents: DocumentStore;
  /** Word and e-mail templates (today: the ones shipped in functions/templates). */
  templates: TemplateSource;
  clock: Clock;
  healthProbes: HealthProbes;
  /** Resolves the user into the actor the access policy judges (roles, groups, case-type grants). */
  access: AccessResolver;
  /** Append-only record of who read which case (inzageregistratie). */
  accessLog: AccessLog;
  /** Work queues per assignee, team and case type (GET /cases, GET /queues). */
  caseQueues: CaseQueueReader;
  /** The signals read model (GET /signals; fed by the outbox projector). */
  signalInbox: SignalInbox;
  loggerFor: (invocation: InvocationContext) => Logger;
}

/**
 * The composition root: picks adapters from config. SDK clients are created here, once, never per
 * request. Tests replace single dependencies through `overrides`; what is overridden is not built.
 */
export function createDependencies(config: ApiConfig, overrides: Partial<Omit<Dependencies, 'config'>> = {}): Dependencies {
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  const clock = overrides.clock ?? systemClock;
  const table = (name: string) => createTableClient(config.storage, name, azureCredential);
  let cases: ReturnType<typeof table> | undefined;
  let outboxPending: ReturnType<typeof table> | undefined;
  const casesTable = () => (cases ??= table(casesTableName));
  const outboxPendingTable = () => (outboxPending ??= table(outboxPendingTableName));
  const graphTokens = overrides.graphTokens ?? createGraphTokenSource(config);
  const userDirectory =
    overrides.userDirectory ??
    createGraphUserDirectory(createAppOnlyGraphClient(config, graphTokens), {
      graphBaseUrl: config.graph.baseUrl,
      apiClientId: config.identity.apiClientId,
    });
  const caseTypes =
    overrides.caseTypes ??
    withCaseTypeCache(createCaseTypeRepository(createTableClient(config.storage, caseTypesTableName, azureCredential)), {
      clock: systemClock, // freshness is real time, whatever clock the domain is given
    });
  return {
    config,
    // The system clock, not an injected one: jose checks exp against real time too.
    tokenValidator: overrides.tokenValidator ?? withTokenCache(createTokenValidator(config), { clock: systemClock }),
    userDirectory,
    taskQueue:
      overrides.taskQueue ?? createTaskQueueReader(createTableClient(config.storage, workQueueTableName, azureCredential)),
    caseTypes,
    clock,
    caseStore: overrides.caseStore ?? createTableCaseStore({ cases: casesTable(), outboxPending: outboxPendingTable(), clock }),
    eventLog: overrides.eventLog ?? createTableEventLog(casesTable()),
    outbox:
      overrides.outbox ??
      createOutboxDispatcher({
        cases: casesTable(),
        outboxPending: outboxPendingTable(),
        queue: createQueueClient(config.storage, caseOutboxQueueName, azureCredential),
        clock,
      }),
    caseNumbers: overrides.caseNumbers ?? createTableCaseNumbers(table(caseNumbersTableName), { clock }),
    caseNumberIndex: overrides.caseNumberIndex ?? createTableCaseNumberIndex(table(caseNumberIndexTableName)),
    idempotency: overrides.idempotency ?? createTableIdempotencyStore(table(idempotencyTableName), { clock }),
    documents:
      overrides.documents ??
      createGraphDocumentStore({
        graphBaseUrl: config.graph.baseUrl,
        siteId: config.documents.siteId,
        library: config.documents.library,
        tokens: graphTokens,
      }),
    graphTokens,
    templates: overrides.templates ?? createShippedTemplates(),
    healthProbes: overrides.healthProbes ?? {
      // No SDK retries for the probe: health should report an outage within its timeout, not retry through it.
      storage: createStorageProbe(createTableServiceClient(config.storage, azureCredential, { retryOptions: { maxRetries: 0 } })),
      identity: createIdentityProbe(config.identity.discoveryUrl),
      graph: createGraphProbe(config.graph.baseUrl),
    },
    access: overrides.access ?? createAccessResolver({ caseTypes, userDirectory, clock, settings: config.access }),
    accessLog: overrides.accessLog ?? createTableAccessLog(table(accessLogTableName)),
    caseQueues: overrides.caseQueues ?? createCaseQueueReader(table(workQueueTableName), table(workQueueViewsTableName)),
    signalInbox: overrides.signalInbox ?? createSignalInbox(table(signalsTableName)),
    loggerFor: overrides.loggerFor ?? ((invocation) => createJsonLogger(invocation, config.logLevel)),
  };
}
