import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { FaultInjector } from '../faults';
import { BodyTooLargeError, readBody, readJson } from '../http/body';
import { sendEmpty } from '../http/respond';
import type { Exchange } from '../http/router';
import { isConflict, isNotFound } from '../storage';
import { checkNotLockedFor } from './drive-item-actions';
import { viewOf } from './drive-item.presenter';
import type { ConflictBehavior, DriveIdentity, DriveItem } from './drive-store';
import { validateItemName } from './drive-store';
import { GraphError, graphErrorBody, graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';

/** Where upload URLs point (like SharePoint's `/_api/v2.0/…/uploadSession?guid=…`): no token, the URL is the key. */
export const uploadSessionPath = '/_api/v2.0/uploadSession';
/** Graph: fragments must be multiples of 320 KiB (the last one excepted), at most 60 MiB each. */
export const fragmentMultipleBytes = 320 * 1024;
export const maxFragmentBytes = 60 * 1024 * 1024;
const sessionLifetimeMs = 15 * 60_000;
const partition = 'upload-sessions';

export interface UploadSession {
  id: string;
  driveId: string;
  /** A new file: its folder and name; an update of an existing file: its id. */
  parentId: string;
  name: string;
  itemId: string;
  conflict: ConflictBehavior;
  by: DriveIdentity;
  /** Bytes received so far (fragments arrive in order). */
  received: number;
  /** The file size, known from the first fragment's Content-Range. */
  total: number;
  blocks: number;
  expiresAt: string;
  etag: string;
}

/** Sessions in the drive table, their bytes as staged blocks of one blob per session. */
export interface UploadSessionStore {
  create(session: Omit<UploadSession, 'id' | 'received' | 'total' | 'blocks' | 'expiresAt' | 'etag'>): Promise<UploadSession>;
  get(id: string): Promise<UploadSession | undefined>;
  /** Stages one fragment and records it under the session's ETag (a parallel fragment loses with 416). */
  append(session: UploadSession, bytes: Buffer, total: number): Promise<UploadSession>;
  /** The whole file once every byte is there. */
  assemble(session: UploadSession): Promise<Buffer>;
  remove(session: Pick<UploadSession, 'id'>): Promise<void>;
}

export function createUploadSessionStore(
  table: TableClient,
  content: ContainerClient,
  now = () => Date.now(),
): UploadSessionStore {
  const blob = (id: string) => content.getBlockBlobClient(`upload-sessions/${id}`);
  const blockId = (n: number) => Buffer.from(String(n).padStart(8, '0')).toString('base64');
  const get = async (id: string): Promise<UploadSession | undefined> => {
    try {
      const row = await table.getEntity<Record<string, unknown>>(partition, id);
      const session: UploadSession = {
        id,
        driveId: String(row.driveId),
        parentId: String(row.parentId),
        name: String(row.name),
        itemId: String(row.itemId),
        conflict: String(row.conflict) as ConflictBehavior,
        by: JSON.parse(String(row.by)) as DriveIdentity,
        received: Number(row.received),
        total: Number(row.total),
        blocks: Number(row.blocks),
        expiresAt: String(row.expiresAt),
        etag: row.etag,
      };
      return Date.parse(session.expiresAt) < now() ? undefined : session;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const expiry = () => new Date(now() + sessionLifetimeMs).toISOString();
  return {
    async create(fields) {
      const id = randomBytes(24).toString('base64url');
      await table.createEntity({
        partitionKey: partition,
        rowKey: id,
        ...fields,
        by: JSON.stringify(fields.by),
        received: 0,
        total: -1,
        blocks: 0,
        expiresAt: expiry(),
      });
      return (await get(id)) as UploadSession;
    },
    get,
    async append(session, bytes, total) {
      await blob(session.id).stageBlock(blockId(session.blocks), bytes, bytes.length);
      try {
        // Each fragment extends the session's lifetime, as in Graph.
        await table.updateEntity(
          {
            partitionKey: partition,
            rowKey: session.id,
            received: session.received + bytes.length,
            total,
            blocks: session.blocks + 1,
            expiresAt: expiry(),
          },
          'Merge',
          { etag: session.etag },
        );
      } catch (error) {
        if (isConflict(error)) throw rangeOverlap();
        throw error;
      }
      return (await get(session.id)) as UploadSession;
    },
    async assemble(session) {
      const ids = Array.from({ length: session.blocks }, (_, n) => blockId(n));
      await blob(session.id).commitBlockList(ids);
      return blob(session.id).downloadToBuffer();
    },
    async remove(session) {
      await blob(session.id).deleteIfExists();
      await table.deleteEntity(partition, session.id).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    },
  };
}

const rangeOverlap = () =>
  new GraphError(416, 'invalidRange', 'The uploaded fragment overlaps with data that has already been received.');

/** `POST …/createUploadSession` (the drive item handler found the target folder and name, or the file). */
export async function createUploadSession(
  ctx: GraphContext,
  ex: Exchange,
  target: { parent: DriveItem; name: string } | { file: DriveItem },
  by: DriveIdentity,
): Promise<void> {
  const body = (await readJson(ex.req).catch(() => {
    throw graphErrors.invalidRequest('The request body is not valid JSON.');
  })) as { item?: Record<string, unknown> } | undefined;
  const requested = body?.item?.['@microsoft.graph.conflictBehavior'] ?? 'replace';
  if (requested !== 'fail' && requested !== 'rename' && requested !== 'replace')
    throw graphErrors.invalidRequest(`Invalid value '${String(requested)}' for @microsoft.graph.conflictBehavior.`);
  let session: UploadSession;
  if ('file' in target) {
    checkNotLockedFor(target.file, by);
    session = await ctx.sessions.create({
      driveId: target.file.driveId,
      parentId: target.file.parentId,
      name: target.file.name,
      itemId: target.file.id,
      conflict: 'replace',
      by,
    });
  } else {
    validateItemName(target.name);
    const existing = await ctx.drive.childByName(target.parent, target.name);
    if (existing && requested === 'fail') throw graphErrors.nameAlreadyExists(target.name);
    if (existing) checkNotLockedFor(existing, by);
    session = await ctx.sessions.create({
      driveId: target.parent.driveId,
      parentId: target.parent.id,
      name: target.name,
      itemId: '',
      conflict: requested,
      by,
    });
  }
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, 'microsoft.graph.uploadSession'),
    uploadUrl: `${ctx.urls.base}${uploadSessionPath}/${session.id}`,
    expirationDateTime: session.expiresAt,
    nextExpectedRanges: ['0-'],
  });
}

/**
 * PUT (a fragment with `Content-Range: bytes start-end/total`), GET (status) and DELETE (cancel) on an
 * upload URL. Fragments must come in order; the last one commits the file and answers with its driveItem.
 */
export async function handleUploadSession(ctx: GraphContext, faults: FaultInjector, ex: Exchange): Promise<void> {
  try {
    const fault = faults.take(ex.url.pathname);
    if (fault) {
      ex.req.resume();
      const headers = { 'Retry-After': String(fault.retryAfterSeconds) };
      throw fault.status === 429
        ? new GraphError(429, 'TooManyRequests', 'Too many requests.', headers)
        : new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', headers);
    }
    const session = await ctx.sessions.get(ex.params.id ?? '');
    if (!session) {
      ex.req.resume();
      throw graphErrors.itemNotFound('The upload session was not found or has expired.');
    }
    const method = ex.req.method ?? 'GET';
    if (method === 'GET') return sendGraphJson(ex, 200, status(session));
    if (method === 'DELETE') {
      await ctx.sessions.remove(session);
      return sendEmpty(ex.res, 204);
    }
    if (method !== 'PUT') throw graphErrors.methodNotAllowed();
    await receiveFragment(ctx, ex, session);
  } catch (error) {
    if (ex.res.headersSent) throw error;
    const graphError = error instanceof GraphError ? error : undefined;
    if (!graphError) throw error;
    sendGraphJson(
      ex,
      graphError.status,
      graphErrorBody(graphError, { requestId: ex.requestId, clientRequestId: ex.requestId }),
      graphError.headers,
    );
  }
}

const status = (session: UploadSession) => ({
  expirationDateTime: session.expiresAt,
  nextExpectedRanges: [session.total > 0 ? `${session.received}-${session.total - 1}` : `${session.received}-`],
});

async function receiveFragment(ctx: GraphContext, ex: Exchange, session: UploadSession): Promise<void> {
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(ex.req.headers['content-range'] ?? ''));
  if (!range) {
    ex.req.resume();
    throw graphErrors.invalidRequest('Send Content-Range: bytes {start}-{end}/{total} with every fragment.');
  }
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  const length = end - start + 1;
  const problem =
    end < start || end >= total
      ? 'The Content-Range is not valid.'
      : session.total > 0 && total !== session.total
        ? 'The total size differs from earlier fragments.'
        : length > maxFragmentBytes
          ? 'A fragment may be at most 60 MiB.'
          : end + 1 < total && length % fragmentMultipleBytes !== 0
            ? 'Fragments must be a multiple of 320 KiB (327,680 bytes), except the last.'
            : undefined;
  if (problem) {
    ex.req.resume();
    throw graphErrors.invalidRequest(problem);
  }
  if (start !== session.received) {
    ex.req.resume();
    throw rangeOverlap();
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(ex.req, length);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw graphErrors.invalidRequest('The fragment is longer than its Content-Range.');
    throw error;
  }
  if (bytes.length !== length) throw graphErrors.invalidRequest('The fragment is shorter than its Content-Range.');
  const updated = await ctx.sessions.append(session, bytes, total);
  if (updated.received < total) return sendGraphJson(ex, 202, status(updated));
  await commit(ctx, ex, updated);
}

async function commit(ctx: GraphContext, ex: Exchange, session: UploadSession): Promise<void> {
  const bytes = await ctx.sessions.assemble(session);
  let result: { item: DriveItem; created: boolean };
  try {
    if (session.itemId) {
      const file = await ctx.drive.get(session.driveId, session.itemId);
      if (!file) throw graphErrors.itemNotFound();
      result = { item: await ctx.drive.replaceContent(file, bytes, session.by), created: false };
    } else {
      const parent = await ctx.drive.get(session.driveId, session.parentId);
      if (!parent) throw graphErrors.itemNotFound('The target folder no longer exists.');
      result = await ctx.drive.putFile(parent, session.name, bytes, session.by, session.conflict);
    }
  } finally {
    await ctx.sessions.remove(session);
  }
  sendGraphJson(ex, result.created ? 201 : 200, {
    '@odata.context': odataContext(ctx, `drives('${session.driveId}')/items/$entity`),
    ...(await viewOf(ctx, result.item)),
  });
}
