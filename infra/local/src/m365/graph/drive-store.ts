import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { isConflict, isNotFound } from '../storage';
import { graphErrors } from './errors';
import { mimeTypeFor } from './mime-types';
import { quickXorHash } from './quick-xor-hash';

/** Who created or last changed an item. */
export interface DriveIdentity {
  kind: 'user' | 'application';
  id: string;
  displayName: string;
}

export interface DriveItem {
  driveId: string;
  id: string;
  /** '' for the root. */
  parentId: string;
  name: string;
  kind: 'root' | 'folder' | 'file';
  size: number;
  mimeType: string;
  sha256: string;
  quickXor: string;
  createdAt: string;
  modifiedAt: string;
  createdBy: DriveIdentity;
  modifiedBy: DriveIdentity;
  /** Stable per item; with `version` it forms the Graph eTag. */
  guid: string;
  version: number;
  contentVersion: number;
  /** The storage ETag, for optimistic updates. */
  storageEtag: string;
  /** The list item's column values (SharePoint metadata), set through `listItem/fields`. */
  fields: Record<string, FieldValue>;
  /** Who has the file checked out, or null. */
  checkedOutBy: DriveIdentity | null;
}

export type FieldValue = string | number | boolean | null;

/** One stored version of a file's content: SharePoint numbers them `1.0`, `2.0`, … */
export interface DriveItemVersion {
  number: number;
  size: number;
  sha256: string;
  modifiedAt: string;
  modifiedBy: DriveIdentity;
}

export type ConflictBehavior = 'fail' | 'rename' | 'replace';

/**
 * Drive items: metadata in a table (one partition per drive), content in a blob per file. Unique names
 * per folder are enforced by a name-index row written in the same entity-group transaction as the item,
 * so two parallel creates of one name cannot both succeed.
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

/** One entry of the drive's change log (the source of `delta`): which item changed, and its tombstone if deleted. */
export interface DriveChange {
  key: string;
  itemId: string;
  deleted: boolean;
  /** For a deleted item: its name and parent at deletion. */
  name: string;
  parentId: string;
}

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string };

const invalidNameCharacters = /["*:<>?/\\|]/;

export function validateItemName(name: string): void {
  if (
    !name ||
    name.length > 255 ||
    name !== name.trim() ||
    name === '.' ||
    name === '..' ||
    invalidNameCharacters.test(name) ||
    name.endsWith('.')
  ) {
    throw graphErrors.invalidRequest(
      `The name '${name}' is not valid: names cannot contain " * : < > ? / \\ |, start or end with a space, or end with a period.`,
    );
  }
}

export function createDriveStore(
  table: TableClient,
  content: ContainerClient,
  now: () => Date = () => new Date(),
  /** Told after every recorded change (change notifications). */
  onChange?: (driveId: string) => void,
): DriveStore {
  const itemKey = (id: string): string => `i_${id}`;
  const nameKey = (parentId: string, name: string): string =>
    `n_${createHash('sha256').update(`${parentId}\n${name.toLowerCase()}`).digest('hex')}`;
  const blobName = (item: Pick<DriveItem, 'driveId' | 'id'>): string => `${item.driveId}/${item.id}`;
  const versionKey = (itemId: string, n: number): string => `v_${itemId}_${String(n).padStart(10, '0')}`;
  const versionBlob = (item: Pick<DriveItem, 'driveId' | 'id'>, n: number): string => `${item.driveId}/${item.id}/v/${n}`;

  /** Every content version keeps its bytes, so old versions can be read and restored. */
  const recordVersion = async (item: DriveItem, bytes: Buffer): Promise<void> => {
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
  };

  /**
   * Appends to the drive's change log (`c_<time><random>` rows), read by `delta`. Keys order by time; a
   * write whose change row lands after a reader passed its time could be missed, which a local stand-in
   * accepts (Graph's own tokens do not have this gap).
   */
  let lastChangeMs = 0;
  const recordChange = async (item: Pick<DriveItem, 'driveId' | 'id' | 'name' | 'parentId'>, deleted: boolean) => {
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
  };

  const versions = async (item: DriveItem): Promise<DriveItemVersion[]> => {
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
      for (const version of await versions(item)) {
        await content.getBlockBlobClient(versionBlob(item, version.number)).deleteIfExists();
        await table.deleteEntity(item.driveId, versionKey(item.id, version.number)).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      }
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
    async changesSince(driveId, after, limit) {
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
    async latestChange(driveId) {
      let latest = '';
      const filter = `PartitionKey eq '${escape(driveId)}' and RowKey gt 'c_' and RowKey lt 'c_~'`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) latest = row.rowKey.slice(2);
      return latest;
    },
    async readVersion(item, number) {
      try {
        return await content.getBlockBlobClient(versionBlob(item, number)).downloadToBuffer();
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}

/** `Rapport.docx`, `Rapport 1.docx`, `Rapport 2.docx` … as Graph renames on conflict. */
export function numbered(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} ${n}${name.slice(dot)}` : `${name} ${n}`;
}

/** Graph item ids: 34 characters, upper-case letters and digits, starting with 01. */
function newItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${[...randomBytes(32)].map((b) => alphabet[b % 32]).join('')}`;
}

const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').toUpperCase();
const escape = (value: string): string => value.replace(/'/g, "''");

function toRow(item: Omit<DriveItem, 'storageEtag'>): Row {
  return {
    partitionKey: item.driveId,
    rowKey: `i_${item.id}`,
    itemId: item.id,
    parentId: item.parentId,
    name: item.name,
    kind: item.kind,
    size: item.size,
    mimeType: item.mimeType,
    sha256: item.sha256,
    quickXor: item.quickXor,
    createdAt: item.createdAt,
    modifiedAt: item.modifiedAt,
    createdBy: JSON.stringify(item.createdBy),
    modifiedBy: JSON.stringify(item.modifiedBy),
    guid: item.guid,
    version: item.version,
    contentVersion: item.contentVersion,
    fields: JSON.stringify(item.fields),
    checkedOutBy: item.checkedOutBy ? JSON.stringify(item.checkedOutBy) : '',
  };
}

function toItem(row: TableEntityResult<Row>): DriveItem {
  const text = (key: string): string => (typeof row[key] === 'string' ? (row[key] as string) : '');
  const num = (key: string): number => Number(row[key] ?? 0);
  return {
    driveId: row.partitionKey as string,
    id: text('itemId'),
    parentId: text('parentId'),
    name: text('name'),
    kind: text('kind') as DriveItem['kind'],
    size: num('size'),
    mimeType: text('mimeType'),
    sha256: text('sha256'),
    quickXor: text('quickXor'),
    createdAt: text('createdAt'),
    modifiedAt: text('modifiedAt'),
    createdBy: JSON.parse(text('createdBy') || '{}') as DriveIdentity,
    modifiedBy: JSON.parse(text('modifiedBy') || '{}') as DriveIdentity,
    guid: text('guid'),
    version: num('version'),
    contentVersion: num('contentVersion'),
    storageEtag: row.etag,
    fields: JSON.parse(text('fields') || '{}') as Record<string, FieldValue>,
    checkedOutBy: text('checkedOutBy') ? (JSON.parse(text('checkedOutBy')) as DriveIdentity) : null,
  };
}
