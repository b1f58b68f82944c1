import { createHash, randomBytes } from 'node:crypto';
import type { TableEntityResult } from '@azure/data-tables';
import { graphErrors } from './errors';

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

/** A table row of the drive table (one partition per drive). */
export type Row = Record<string, unknown> & { partitionKey: string; rowKey: string };

/**
 * The drive table's row keys: `i_<id>` an item, `n_<hash>` the name index of a folder's child,
 * `v_<id>_<n>` a content version, `c_<key>` a change (drive-change-log.ts), `p_<id>_…` a sharing permission.
 */
export const itemKey = (id: string): string => `i_${id}`;
export const nameKey = (parentId: string, name: string): string =>
  `n_${createHash('sha256').update(`${parentId}\n${name.toLowerCase()}`).digest('hex')}`;
export const blobName = (item: Pick<DriveItem, 'driveId' | 'id'>): string => `${item.driveId}/${item.id}`;

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

/** `Rapport.docx`, `Rapport 1.docx`, `Rapport 2.docx` … as Graph renames on conflict. */
export function numbered(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} ${n}${name.slice(dot)}` : `${name} ${n}`;
}

/** Graph item ids: 34 characters, upper-case letters and digits, starting with 01. */
export function newItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${[...randomBytes(32)].map((b) => alphabet[b % 32]).join('')}`;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').toUpperCase();
/** A value inside a table filter's quotes. */
export const escape = (value: string): string => value.replace(/'/g, "''");

export function toRow(item: Omit<DriveItem, 'storageEtag'>): Row {
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

export function toItem(row: TableEntityResult<Row>): DriveItem {
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
