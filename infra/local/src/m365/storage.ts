import { TableClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

/** The Azurite tables and blob container in which the local Microsoft 365 keeps all of its state. */
export interface M365Storage {
  users: TableClient;
  groups: TableClient;
  memberships: TableClient;
  /** Authorization codes, refresh tokens and sign-in sessions (row key = hash of the secret). */
  grants: TableClient;
  driveItems: TableClient;
  content: ContainerClient;
  /** Creates the tables and the container when missing (idempotent). */
  ensure(): Promise<void>;
  /** Throws unless storage answers; used by the health endpoint. */
  ping(): Promise<void>;
}

export const tableNames = {
  users: 'M365Users',
  groups: 'M365Groups',
  memberships: 'M365Memberships',
  grants: 'M365Grants',
  driveItems: 'M365DriveItems',
} as const;

export const contentContainerName = 'm365-drive-content';

export function createStorage(connectionString: string): M365Storage {
  // Azurite speaks http; the SDK refuses shared-key auth over http unless told that this is intended.
  // Retries are short: storage is local, and a stopped Azurite must show up quickly as unhealthy.
  const table = (name: string): TableClient =>
    TableClient.fromConnectionString(connectionString, name, {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
    });
  const tables = {
    users: table(tableNames.users),
    groups: table(tableNames.groups),
    memberships: table(tableNames.memberships),
    grants: table(tableNames.grants),
    driveItems: table(tableNames.driveItems),
  };
  const content = BlobServiceClient.fromConnectionString(connectionString, {
    retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
  }).getContainerClient(contentContainerName);
  return {
    ...tables,
    content,
    async ensure() {
      await Promise.all(Object.values(tables).map((t) => t.createTable()));
      await content.createIfNotExists();
    },
    async ping() {
      const abortSignal = AbortSignal.timeout(3000);
      const probe = tables.users
        .listEntities({ queryOptions: { filter: "PartitionKey eq 'ping'" }, abortSignal })
        .byPage({ maxPageSize: 1 });
      await probe.next();
      await content.getProperties({ abortSignal });
    },
  };
}

/** True for the "not found" answer of the storage SDKs. */
export const isNotFound = (error: unknown): boolean => (error as { statusCode?: number }).statusCode === 404;
/** True for "already exists" / "etag mismatch" answers (409, 412). */
export const isConflict = (error: unknown): boolean => [409, 412].includes((error as { statusCode?: number }).statusCode ?? 0);
