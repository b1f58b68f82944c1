/**
 * The API's own building blocks for in-process tools in infra/local: `npm run bench` registers and
 * assigns its 100,000 seed cases with these (decision 0018), so the stored data is what the API writes,
 * and projects their work-queue rows with the projector's own row function and store in bulk.
 * The product itself does not import this module.
 */
export { createDependencies, type Dependencies } from './composition-root';
export { loadApiConfig } from './config';
export { registerCase } from './app/cases/register-case';
export { takeCase } from './app/cases/take-case';
export { caseOutboxQueueName } from './adapters/table-storage/outbox-dispatcher.table';
export { workQueueIndexTableName, workQueueViewsTableName } from './adapters/table-storage/work-queue-projection.table';
export { createWorkQueueProjectionStoreFromConfig } from './projections/work-queue.projector';
export { expectedWorkQueueRows, type WorkQueueRow } from './app/projections/work-queue-rows';
export { workQueueTypeInfo, type TypeInfoOf } from './app/projections/work-queue-type-info';
export type { RowKeyPair, WorkQueueProjectionStore } from './app/projections/project-work-queue';
export type { CaseState } from './domain/cases';
