import { randomUUID } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { isConflict, isNotFound } from '../storage';
import { createDriveChangeLog, type DriveChange } from './drive-change-log';
import {
  blobName,
  escape,
  itemKey,
  nameKey,
  newItemId,
  numbered,
  sha256Hex,
  toItem,
  toRow,
  validateItemName,
  type ConflictBehavior,
  type DriveIdentity,
  type DriveItem,
  type DriveItemVersion,
  type FieldValue,
  type Row,
} from './drive-item';
import { createDriveVersions } from './drive-versions';
import { graphErrors } from './errors';
import { mimeTypeFor } from './mime-types';
import { quickXorHash } from './quick-xor-hash';

// The item model, its versions and change log live in their own modules; importers keep using this one.
export type { ConflictBehavior, DriveIdentity, DriveItem, DriveItemVersion, FieldValue } from './drive-item';
export type { DriveChange } from './drive-change-log';
export { numbered, validateItemName } from './drive-item';

/**
 * Drive items: metadata in a table (one partition per drive), content in a blob per file. Unique names
 * per folder are enforced by a name-index row written in the same entity-group transaction as the item,
 * so two parallel creates of one name cannot both succeed. Content versions: drive-versions.ts; the change
 * log behind `delta`: drive-change-log.ts; rows and names: drive-item.ts.
 */
export interface DriveStore {
  ensureRoot(driveId: string, rootId: string, by: DriveIdentity): Promise<void>;
  get(driveId: string, id: string): Promise<DriveItem | undefined>;
  childByName(parent: DriveItem, name: string): Promise<DriveItem | undefined>;
  children(parent: DriveItem): Promise<DriveItem[]>;
  createFolder(parent: DriveItem, name: string, by: DriveIdentity, conflict: ConflictBehavior): Promise<DriveItem>;
  /** Creates the file, or replaces the content of an existing file with that name (per `conflict`). */
  putFile(
    parent: DriveItem,
    name: string,
    bytes: Buffer,
    by: DriveIdentity,
    conflict: ConflictBehavior,
  ): Promise<{ item: DriveItem; created: boolean }>;
  replaceContent(item: DriveItem, bytes: Buffer, by: DriveIdentity): Promise<DriveItem>;
  readContent(item: DriveItem): Promise<NodeJS.ReadableStream>;
  /** Deletes an item and, for a folder, everything below it. */
  deleteItem(item: DriveItem): Promise<void>;
  /** The path of an item below the drive root, e.g. `/Zaken/Z-1`; '' for the root. */
  pathOf(item: DriveItem): Promise<string>;
  /** Merges column values into the item's list item (a new eTag, no new content version). */
  updateFields(item: DriveItem, patch: Record<string, FieldValue>): Promise<DriveItem>;
  /** Checks the file out to `by`, or checks it in (null). */
  setCheckout(item: DriveItem, by: DriveIdentity | null): Promise<DriveItem>;
  /** The content versions of a file, newest first. */
  versions(item: DriveItem): Promise<DriveItemVersion[]>;
  readVersion(item: DriveItem, number: number): Promise<Buffer | undefined>;
  /** Every item of the drive (a full delta enumeration). */
  allItems(driveId: string): Promise<DriveItem[]>;
  /** Changes after `after` (a change key; '' for all), oldest first, at most `limit`. */
  changesSince(driveId: string, after: string, limit: number): Promise<DriveChange[]>;
  /** The key of the newest change ('' when there is none): the starting point of a delta from now. */
  latestChange(driveId: string): Promise<string>;
}

export function createDriveStore(
  table: TableClient,
  content: ContainerClient,
  now: () => Date = () => new Date(),
  /** Told after every recorded change (change notifications). */
  onChange?: (driveId: string) => void,
): DriveStore {
  const fileVersions = createDriveVersions(table, content);
  const changeLog = createDriveChangeLog(table, now, onChange);
  const recordVersion = fileVersions.record;
  const recordChange = changeLog.record;
  const versions = fileVersions.list;

  /** Merge-updates the item row under its storage ETag and bumps the eTag version. */
  const updateRow = async (item: DriveItem, changes: Record<string, unknown>): Promise<DriveItem> => {
    try {
      await table.updateEntity(
        { partitionKey: item.driveId, rowKey: itemKey(item.id), version: item.version + 1, ...changes },
        'Merge',
        { etag: item.storageEtag },
      );
    } catch (error) {
      if (isConflict(error)) throw graphErrors.resourceModified();
      throw error;
    }
    const updated = await get(item.driveId, item.id);
    if (!updated) throw graphErrors.itemNotFound();
    await recordChange(updated, false);
    return updated;
  };

  const get = async (driveId: string, id: string): Promise<DriveItem | undefined> => {
    try {
      return toItem(await table.getEntity<Row>(driveId, itemKey(id)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  /** Writes item + name index atomically; false when the name is taken. */
  const insert = async (item: Omit<DriveItem, 'storageEtag'>): Promise<boolean> => {
    const actions: TransactionAction[] = [
      ['create', toRow(item)],
      ['create', { partitionKey: item.driveId, rowKey: nameKey(item.parentId, item.name), itemId: item.id }],
    ];
    try {
      await table.submitTransaction(actions);
      await recordChange(item, false);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  };

  const newItem = (
    parent: DriveItem,
    name: string,
    kind: 'folder' | 'file',
    by: DriveIdentity,
    bytes?: Buffer,
  ): Omit<DriveItem, 'storageEtag'> => {
    const at = now().toISOString();
    return {
      driveId: parent.driveId,
      id: newItemId(),
      parentId: parent.id,
      name,
      kind,
      size: bytes?.length ?? 0,
      mimeType: kind === 'file' ? mimeTypeFor(name) : '',
      sha256: bytes ? sha256Hex(bytes) : '',
      quickXor: bytes ? quickXorHash(bytes) : '',
      createdAt: at,
      modifiedAt: at,
      createdBy: by,
      modifiedBy: by,
      guid: randomUUID().toUpperCase(),
      version: 1,
      contentVersion: 1,
      fields: {},
      checkedOutBy: null,
    };
  };

  const childByName = async (parent: DriveItem, name: string): Promise<DriveItem | undefined> => {
    try {
      const index = await table.getEntity<Row>(parent.driveId, nameKey(parent.id, name));
      return get(parent.driveId, String(index.itemId));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  const children = async (parent: DriveItem): Promise<DriveItem[]> => {
    const items: DriveItem[] = [];
    const filter = `PartitionKey eq '${escape(parent.driveId)}' and parentId eq '${escape(parent.id)}'`;
    for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) items.push(toItem(row));
    return items.sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }));
  };

  const deleteItem = async (item: DriveItem): Promise<void> => {
    if (item.kind === 'root') throw graphErrors.invalidRequest('The root of a drive cannot be deleted.');
    if (item.kind === 'folder') for (const child of await children(item)) await deleteItem(child);
    if (item.kind === 'file') {
      await content.getBlockBlobClient(blobName(item)).deleteIfExists();
      // Sharing permissions (`p_<itemId>_…` rows, see drive-permissions.ts) go with the file.
      const prefix = `p_${item.id}_`;
      const filter = `PartitionKey eq '${escape(item.driveId)}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } }))
        await table.deleteEntity(item.driveId, row.rowKey).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      await fileVersions.deleteAll(item);
    }
    try {
      await table.submitTransaction([
        ['delete', { partitionKey: item.driveId, rowKey: itemKey(item.id) }],
        ['delete', { partitionKey: item.driveId, rowKey: nameKey(item.parentId, item.name) }],
      ]);
      await recordChange(item, true);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  };

  const upload = async (item: Pick<DriveItem, 'driveId' | 'id' | 'mimeType'>, bytes: Buffer): Promise<void> => {
    await content.getBlockBlobClient(blobName(item)).uploadData(bytes, { blobHTTPHeaders: { blobContentType: item.mimeType } });
  };

  const replaceContent = async (item: DriveItem, bytes: Buffer, by: DriveIdentity): Promise<DriveItem> => {
    if (item.kind !== 'file') throw graphErrors.invalidRequest('Only files have content.');
    await upload(item, bytes);
    const updated = await updateRow(item, {
      size: bytes.length,
      sha256: sha256Hex(bytes),
      quickXor: quickXorHash(bytes),
      modifiedAt: now().toISOString(),
      modifiedBy: JSON.stringify(by),
      contentVersion: item.contentVersion + 1,
    });
    await recordVersion(updated, bytes);
    return updated;
  };

  return {
    async ensureRoot(driveId, rootId, by) {
      const at = new Date(0).toISOString();
      const root: Omit<DriveItem, 'storageEtag'> = {
        driveId,
        id: rootId,
        parentId: '',
        name: 'root',
        kind: 'root',
        size: 0,
        mimeType: '',
        sha256: '',
        quickXor: '',
        createdAt: at,
        modifiedAt: at,
        createdBy: by,
        modifiedBy: by,
        guid: randomUUID().toUpperCase(),
        version: 1,
        contentVersion: 1,
        fields: {},
        checkedOutBy: null,
      };
      try {
        await table.createEntity(toRow(root));
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    },
    get,
    childByName,
    children,
    async createFolder(parent, name, by, conflict) {
      validateItemName(name);
      for (let attempt = 0; attempt < 100; attempt++) {
        const candidate = conflict === 'rename' ? numbered(name, attempt) : name;
        const item = newItem(parent, candidate, 'folder', by);
        if (await insert(item)) return (await get(item.driveId, item.id)) as DriveItem;
        if (conflict === 'fail') throw graphErrors.nameAlreadyExists(name);
        if (conflict === 'replace') {
          const existing = await childByName(parent, name);
          if (existing) await deleteItem(existing);
        }
      }
      throw graphErrors.nameAlreadyExists(name);
    },
    async putFile(parent, name, bytes, by, conflict) {
      validateItemName(name);
      for (let attempt = 0; attempt < 100; attempt++) {
        const candidate = conflict === 'rename' ? numbered(name, attempt) : name;
        const existing = await childByName(parent, candidate);
        if (existing) {
          if (conflict === 'rename') continue;
          if (conflict === 'fail' || existing.kind !== 'file') throw graphErrors.nameAlreadyExists(candidate);
          return { item: await replaceContent(existing, bytes, by), created: false };
        }
        const item = newItem(parent, candidate, 'file', by, bytes);
        await upload(item, bytes);
        if (await insert(item)) {
          const created = (await get(item.driveId, item.id)) as DriveItem;
          await recordVersion(created, bytes);
          return { item: created, created: true };
        }
        // Someone created the name meanwhile: drop our blob and decide again against what is there now.
        await content.getBlockBlobClient(blobName(item)).deleteIfExists();
      }
      throw graphErrors.nameAlreadyExists(name);
    },
    replaceContent,
    async readContent(item) {
      const download = await content.getBlockBlobClient(blobName(item)).download();
      if (!download.readableStreamBody) throw graphErrors.itemNotFound('The file has no content.');
      return download.readableStreamBody;
    },
    deleteItem,
    async pathOf(item) {
      const names: string[] = [];
      let current: DriveItem | undefined = item;
      while (current && current.kind !== 'root') {
        names.unshift(current.name);
        current = await get(current.driveId, current.parentId);
      }
      return names.length ? `/${names.join('/')}` : '';
    },
    updateFields: (item, patch) => updateRow(item, { fields: JSON.stringify({ ...item.fields, ...patch }) }),
    setCheckout: (item, by) => updateRow(item, { checkedOutBy: by ? JSON.stringify(by) : '' }),
    versions,
    async allItems(driveId) {
      const items: DriveItem[] = [];
      const filter = `PartitionKey eq '${escape(driveId)}' and RowKey ge 'i_' and RowKey lt 'i_~'`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) items.push(toItem(row));
      return items;
    },
    changesSince: changeLog.since,
    latestChange: changeLog.latest,
    readVersion: fileVersions.read,
  };
}
