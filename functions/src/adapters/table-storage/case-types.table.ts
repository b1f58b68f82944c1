import { RestError, type TableClient, type TableEntity } from '@azure/data-tables';
import { AppError } from '../../app/errors';
import {
  type CaseType,
  type CaseTypeDefinition,
  CaseTypeDefinitionSchema,
  CaseTypeSchema,
  FragmentSchema,
} from '../../contract/case-type';
import {
  CaseTypeAlreadyExists,
  CaseTypePreconditionFailed,
  type CaseTypeRepository,
  type StoredDraft,
} from '../../ports/case-types';

/**
 * Case types in Table Storage. Partition `casetype:<key>` holds the draft (row `draft`), the versions
 * (`v:<000001>`, create-only) and retire markers (`retired:<000001>`, create-only), so a published
 * version's row is never rewritten. Partition `fragment:<key>` holds fragment versions (`v:<000001>`).
 * A definition is JSON split over `json0..jsonN` columns: a string property holds at most 64 KiB
 * (32K UTF-16 characters) and an entity at most 1 MiB.
 */
export const caseTypesTableName = 'CaseTypes';

const chunkSize = 30_000;
/** 1 MiB per entity in UTF-16, less room for keys and the other properties. */
const maxJsonLength = 15 * chunkSize;

const casePartition = (key: string) => `casetype:${key}`;
const fragmentPartition = (key: string) => `fragment:${key}`;
const versionRow = (version: number) => `v:${String(version).padStart(6, '0')}`;
const retiredRow = (version: number) => `retired:${String(version).padStart(6, '0')}`;
const draftRow = 'draft';

export function createCaseTypeRepository(table: TableClient): CaseTypeRepository {
  const create = async (entity: TableEntity, what: string) => {
    try {
      return await withTable(table, () => table.createEntity(entity));
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) throw new CaseTypeAlreadyExists(what);
      throw error;
    }
  };
  const query = async (filter: string) => {
    const rows: Record<string, unknown>[] = [];
    try {
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) rows.push(row);
    } catch (error) {
      if (!isTableNotFound(error)) throw error;
    }
    return rows;
  };

  return {
    async getDraft(key) {
      try {
        const row = await table.getEntity<Record<string, unknown>>(casePartition(key), draftRow);
        return toDraft(key, row);
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw error;
      }
    },

    async createDraft(definition, by, at) {
      const entity = {
        partitionKey: casePartition(definition.key),
        rowKey: draftRow,
        ...jsonColumns(definition),
        updatedAt: at,
        updatedBy: by,
      };
      const response = await create(entity, `The draft of ${definition.key}`);
      return { key: definition.key, definition, etag: etagOf(response.etag), updatedAt: at, updatedBy: by };
    },

    async replaceDraft(definition, ifMatch, by, at) {
      const entity = {
        partitionKey: casePartition(definition.key),
        rowKey: draftRow,
        ...jsonColumns(definition),
        updatedAt: at,
        updatedBy: by,
      };
      try {
        const response = await table.updateEntity(entity, 'Replace', { etag: ifMatch });
        return { key: definition.key, definition, etag: etagOf(response.etag), updatedAt: at, updatedBy: by };
      } catch (error) {
        // 412: another writer came first; 404: the draft is gone. Both mean "your copy is stale".
        if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) {
          throw new CaseTypePreconditionFailed(definition.key);
        }
        throw error;
      }
    },

    async getVersion(key, version) {
      const rows = await query(
        `PartitionKey eq ${literal(casePartition(key))} and (RowKey eq ${literal(versionRow(version))} or RowKey eq ${literal(retiredRow(version))})`,
      );
      return versionsFrom(rows)[0];
    },

    async listVersions(key) {
      return versionsFrom(await query(`PartitionKey eq ${literal(casePartition(key))}`));
    },

    async listAllVersions() {
      return versionsFrom(await query(`PartitionKey ge 'casetype:' and PartitionKey lt 'casetype;'`));
    },

    async addVersion(version) {
      await create(
        { partitionKey: casePartition(version.key), rowKey: versionRow(version.version), ...jsonColumns(version) },
        `Version ${version.version} of ${version.key}`,
      );
    },

    async markRetired(key, version, retiredAt) {
      await create(
        { partitionKey: casePartition(key), rowKey: retiredRow(version), retiredAt },
        `The retirement of version ${version} of ${key}`,
      );
    },

    async listFragments() {
      const rows = await query(`PartitionKey ge 'fragment:' and PartitionKey lt 'fragment;'`);
      return rows.map((row) => FragmentSchema.parse(fromJsonColumns(row)));
    },

    async addFragment(fragment) {
      await create(
        { partitionKey: fragmentPartition(fragment.key), rowKey: versionRow(fragment.version), ...jsonColumns(fragment) },
        `Version ${fragment.version} of fragment ${fragment.key}`,
      );
    },
  };
}

function toDraft(key: string, row: Record<string, unknown>): StoredDraft {
  const definition: CaseTypeDefinition = CaseTypeDefinitionSchema.parse(fromJsonColumns(row));
  return {
    key,
    definition,
    etag: etagOf(row.etag as string | undefined),
    updatedAt: String(row.updatedAt),
    updatedBy: String(row.updatedBy),
  };
}

/** Version rows merged with their retire markers, lowest version first. */
function versionsFrom(rows: readonly Record<string, unknown>[]): CaseType[] {
  const retiredAt = new Map<string, string>();
  for (const row of rows) {
    const rowKey = String(row.rowKey);
    if (rowKey.startsWith('retired:')) retiredAt.set(rowKey.slice('retired:'.length), String(row.retiredAt));
  }
  return rows
    .filter((row) => String(row.rowKey).startsWith('v:'))
    .map((row) => {
      const version = CaseTypeSchema.parse(fromJsonColumns(row));
      const retired = retiredAt.get(String(row.rowKey).slice('v:'.length));
      return retired === undefined ? version : { ...version, status: 'retired' as const, retiredAt: retired };
    })
    .sort((a, b) => (a.key === b.key ? a.version - b.version : a.key.localeCompare(b.key)));
}

/** JSON split into columns of at most `chunkSize` characters, never between the halves of a surrogate pair. */
export function jsonColumns(value: unknown): Record<string, string | number> {
  const json = JSON.stringify(value);
  if (json.length > maxJsonLength) {
    throw new AppError('payload-too-large', 'case-type.too-large', `The definition is larger than ${maxJsonLength} characters.`);
  }
  const columns: Record<string, string | number> = {};
  let index = 0;
  for (let start = 0; start < json.length; index += 1) {
    let end = Math.min(start + chunkSize, json.length);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    columns[`json${index}`] = json.slice(start, end);
    start = end;
  }
  columns.jsonParts = index;
  return columns;
}

export function fromJsonColumns(row: Record<string, unknown>): unknown {
  const parts = Number(row.jsonParts);
  let json = '';
  for (let index = 0; index < parts; index += 1) json += String(row[`json${index}`]);
  return JSON.parse(json) as unknown;
}

/** The SDK reports ETags as the service sends them (`W/"datetime'…'"`); that is our ETag too. */
function etagOf(etag: string | undefined): string {
  if (!etag) throw new Error('Table Storage returned no ETag');
  return etag;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function withTable<T>(table: TableClient, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isTableNotFound(error)) throw error;
    await table.createTable();
    return write();
  }
}

const isTableNotFound = (error: unknown): boolean =>
  error instanceof RestError &&
  error.statusCode === 404 &&
  (error.code === 'TableNotFound' || error.code === 'ResourceNotFound' || !error.code);
