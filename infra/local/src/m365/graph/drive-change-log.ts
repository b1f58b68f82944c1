import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { escape, type DriveItem, type Row } from './drive-item';

/** One entry of the drive's change log (the source of `delta`): which item changed, and its tombstone if deleted. */
export interface DriveChange {
  key: string;
  itemId: string;
  deleted: boolean;
  /** For a deleted item: its name and parent at deletion. */
  name: string;
  parentId: string;
}

/** The drive's change log: `c_<time><random>` rows in the drive's partition, read by `delta`. */
export interface DriveChangeLog {
  record(item: Pick<DriveItem, 'driveId' | 'id' | 'name' | 'parentId'>, deleted: boolean): Promise<void>;
  /** Changes after `after` (a change key; '' for all), oldest first, at most `limit`. */
  since(driveId: string, after: string, limit: number): Promise<DriveChange[]>;
  /** The key of the newest change ('' when there is none): the starting point of a delta from now. */
  latest(driveId: string): Promise<string>;
}

/**
 * Keys order by time; a write whose change row lands after a reader passed its time could be missed, which
 * a local stand-in accepts (Graph's own tokens do not have this gap).
 */
export function createDriveChangeLog(
  table: TableClient,
  now: () => Date,
  /** Told after every recorded change (change notifications). */
  onChange?: (driveId: string) => void,
): DriveChangeLog {
  let lastChangeMs = 0;
  return {
    async record(item, deleted) {
      lastChangeMs = Math.max(lastChangeMs + 1, now().getTime());
      const key = `${String(lastChangeMs).padStart(15, '0')}${randomBytes(4).toString('hex')}`;
      await table.createEntity({
        partitionKey: item.driveId,
        rowKey: `c_${key}`,
        changedItem: item.id,
        deleted,
        // Not `name`/`parentId`: children are listed by a filter on parentId over the whole partition.
        changedName: item.name,
        changedParent: item.parentId,
      });
      onChange?.(item.driveId);
    },
    async since(driveId, after, limit) {
      const changes: DriveChange[] = [];
      const filter = `PartitionKey eq '${escape(driveId)}' and RowKey gt 'c_${escape(after)}' and RowKey lt 'c_~'`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) {
        changes.push({
          key: row.rowKey.slice(2),
          itemId: String(row.changedItem),
          deleted: row.deleted === true,
          name: String(row.changedName ?? ''),
          parentId: String(row.changedParent ?? ''),
        });
        if (changes.length >= limit) break;
      }
      return changes;
    },
    async latest(driveId) {
      let latest = '';
      const filter = `PartitionKey eq '${escape(driveId)}' and RowKey gt 'c_' and RowKey lt 'c_~'`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) latest = row.rowKey.slice(2);
      return latest;
    },
  };
}
