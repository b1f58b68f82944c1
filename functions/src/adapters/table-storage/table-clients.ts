import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { QueueClient } from '@azure/storage-queue';
import type { StorageConfig } from '../../config';

/**
 * Table clients from configuration: a connection string locally (Azurite speaks plain http), the
 * account endpoint with a managed identity in Azure (no account keys). Created once per process.
 */
export function createTableServiceClient(
  storage: StorageConfig,
  credential: () => TokenCredential,
  options: TableServiceClientOptions = {},
): TableServiceClient {
  return storage.kind === 'connectionString'
    ? TableServiceClient.fromConnectionString(storage.connectionString, { allowInsecureConnection: true, ...options })
    : new TableServiceClient(storage.tableEndpoint, credential(), options);
}

export function createTableClient(storage: StorageConfig, tableName: string, credential: () => TokenCredential): TableClient {
  return storage.kind === 'connectionString'
    ? TableClient.fromConnectionString(storage.connectionString, tableName, { allowInsecureConnection: true })
    : new TableClient(storage.tableEndpoint, tableName, credential());
}

/** A queue client like the table clients: connection string locally, managed identity in Azure. */
export function createQueueClient(storage: StorageConfig, queueName: string, credential: () => TokenCredential): QueueClient {
  return storage.kind === 'connectionString'
    ? new QueueClient(storage.connectionString, queueName)
    : new QueueClient(`${storage.queueEndpoint}/${queueName}`, credential());
}
