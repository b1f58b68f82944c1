import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { isNotFound } from '../storage';
import { escape, type DriveIdentity, type DriveItem, type DriveItemVersion, type Row } from './drive-item';

/** A file's content versions: a `v_<id>_<n>` row each, and the bytes in blob `<drive>/<id>/v/<n>`. */
export interface DriveVersions {
  /** Keeps the item's current content version (its number, size, hash, author) and bytes. */
  record(item: DriveItem, bytes: Buffer): Promise<void>;
  /** The content versions of a file, newest first. */
  list(item: DriveItem): Promise<DriveItemVersion[]>;
  read(item: DriveItem, number: number): Promise<Buffer | undefined>;
  /** Removes every version of a deleted file, rows and bytes. */
  deleteAll(item: DriveItem): Promise<void>;
}

export function createDriveVersions(table: TableClient, content: ContainerClient): DriveVersions {
  const versionKey = (itemId: string, n: number): string => `v_${itemId}_${String(n).padStart(10, '0')}`;
  const versionBlob = (item: Pick<DriveItem, 'driveId' | 'id'>, n: number): string => `${item.driveId}/${item.id}/v/${n}`;

  const list = async (item: DriveItem): Promise<DriveItemVersion[]> => {
    const found: DriveItemVersion[] = [];
    const prefix = `v_${item.id}_`;
    const filter = `PartitionKey eq '${escape(item.driveId)}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
    for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) {
      found.push({
        number: Number(row.number),
        size: Number(row.size),
        sha256: String(row.sha256),
        modifiedAt: String(row.modifiedAt),
        modifiedBy: JSON.parse(String(row.modifiedBy)) as DriveIdentity,
      });
    }
    return found.sort((a, b) => b.number - a.number);
  };

  return {
    /** Every content version keeps its bytes, so old versions can be read and restored. */
    async record(item, bytes) {
      await content.getBlockBlobClient(versionBlob(item, item.contentVersion)).uploadData(bytes);
      await table.upsertEntity(
        {
          partitionKey: item.driveId,
          rowKey: versionKey(item.id, item.contentVersion),
          versionOf: item.id,
          number: item.contentVersion,
          size: item.size,
          sha256: item.sha256,
          modifiedAt: item.modifiedAt,
          modifiedBy: JSON.stringify(item.modifiedBy),
        },
        'Replace',
      );
    },
    list,
    async read(item, number) {
      try {
        return await content.getBlockBlobClient(versionBlob(item, number)).downloadToBuffer();
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async deleteAll(item) {
      for (const version of await list(item)) {
        await content.getBlockBlobClient(versionBlob(item, version.number)).deleteIfExists();
        await table.deleteEntity(item.driveId, versionKey(item.id, version.number)).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      }
    },
  };
}
