import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AuthenticationHandlerOptions, Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError, dependencyUnavailable, forbidden } from '../../app/errors';
import { DomainError } from '../../domain/errors';
import type { DocumentStore, FileUpload, GraphActor, LibraryVersion, StoredFile } from '../../ports/document-store';
import { fragments } from './fragments';
import { createQuickXorHash } from './quick-xor-hash';
import { defaultRetryOptions, isThrottled, retryAfterMs, sendWithRetry, type RetryOptions } from './graph-retry';
import type { GraphTokenSource } from './graph-tokens';

/** Graph's limit for a simple upload; larger files go through an upload session. */
export const simpleUploadMaxBytes = 4 * 1024 * 1024;
/** Fragments must be multiples of 320 KiB; 10 × 320 KiB keeps requests few and memory small. */
export const defaultFragmentBytes = 10 * 320 * 1024;

const DriveItem = z.object({
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  size: z.number().optional(),
  publication: z.object({ versionId: z.string().optional() }).optional(),
});
type DriveItemJson = z.infer<typeof DriveItem>;
const Drives = z.object({ value: z.array(z.object({ id: z.string(), name: z.string() })) });
const Identity = z.object({ id: z.string().optional(), displayName: z.string().optional() });
const Versions = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      size: z.number().optional(),
      lastModifiedDateTime: z.string(),
      lastModifiedBy: z.object({ user: Identity.optional(), application: Identity.optional() }).optional(),
    }),
  ),
});
const Permissions = z.object({ value: z.array(z.object({ id: z.string() })) });
const CommittedFile = DriveItem.extend({
  createdDateTime: z.string().optional(),
  file: z.object({ hashes: z.object({ quickXorHash: z.string().optional() }).optional() }).optional(),
});
const Children = z.object({ value: z.array(CommittedFile) });
const UploadSession = z.object({ uploadUrl: z.string(), nextExpectedRanges: z.array(z.string()).optional() });

export interface GraphDocumentStoreOptions {
  graphBaseUrl: string;
  siteId: string | undefined;
  library: string;
  tokens: GraphTokenSource;
  fragmentBytes?: number;
  retry?: RetryOptions;
}

/**
 * Case documents in one SharePoint document library through Microsoft Graph, on behalf of the user.
 * JSON calls use the Graph client (its middleware retries 429/503); content uploads, fragments and
 * downloads use fetch with our own Retry-After loop, which the client's middleware does not give them.
 */
export function createGraphDocumentStore(options: GraphDocumentStoreOptions): DocumentStore {
  const { graphBaseUrl, tokens } = options;
  const fragmentBytes = options.fragmentBytes ?? defaultFragmentBytes;
  const retry = options.retry ?? defaultRetryOptions;
  const client = Client.initWithMiddleware({
    baseUrl: graphBaseUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(graphBaseUrl).hostname]),
    authProvider: {
      getAccessToken: () => Promise.reject(new Error('every document call names whom it acts for')),
    },
  });
  const as = (actor: GraphActor) => [new AuthenticationHandlerOptions({ getAccessToken: () => tokens(actor) })];
  const call = async <T extends z.ZodType>(
    actor: GraphActor,
    schema: T,
    request: (api: (path: string) => ReturnType<Client['api']>) => Promise<unknown>,
  ): Promise<z.output<T>> => {
    let body: unknown;
    try {
      body = await request((path) => client.api(path).middlewareOptions(as(actor)));
    } catch (error) {
      throw graphFailure(error);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw dependencyUnavailable('documents.unavailable', 'SharePoint answered unexpectedly.', parsed.error);
    return parsed.data;
  };
  const raw = async (actor: GraphActor, url: string, init: RequestInit = {}): Promise<Response> => {
    const token = await tokens(actor);
    const send = () =>
      fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` }, redirect: 'manual' });
    return sendWithRetry(() => send().catch((error: unknown) => Promise.reject(graphFailure(error))), retry);
  };
  const v1 = `${graphBaseUrl}/v1.0`;

  let driveId: Promise<string> | undefined;
  const drive = (actor: GraphActor): Promise<string> => {
    if (!options.siteId)
      return Promise.reject(
        dependencyUnavailable('documents.not-configured', 'No document library is configured (ZAAKWERK_DOCUMENTS_SITE_ID).'),
      );
    const siteId = options.siteId;
    driveId ??= call(actor, Drives, (api) => api(`/sites/${encodeURIComponent(siteId)}/drives?$select=id,name`).get()).then(
      ({ value }) => {
        const found = value.find((d) => d.name.toLowerCase() === options.library.toLowerCase());
        if (!found)
          throw dependencyUnavailable('documents.library-not-found', `The site has no document library "${options.library}".`);
        return found.id;
      },
    );
    // A failed lookup is not kept: the next request tries again.
    driveId.catch(() => (driveId = undefined));
    return driveId;
  };

  const ensureFolder = async (actor: GraphActor, d: string, name: string): Promise<string> => {
    const find = () => call(actor, DriveItem, (api) => api(`/drives/${d}/root:/${encodeURIComponent(name)}`).get());
    try {
      return (await find()).id;
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'not-found')) throw error;
    }
    try {
      const created = await call(actor, DriveItem, (api) =>
        api(`/drives/${d}/root/children`).post({ name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }),
      );
      return created.id;
    } catch (error) {
      // Created by a parallel upload in the meantime: use that one.
      if (error instanceof DomainError && error.code === 'documents.name-conflict') return (await find()).id;
      throw error;
    }
  };

  /** `target`: `items/{folder}:/{name}:` for a new file (renamed when taken), `items/{id}` for new content. */
  const simpleUpload = async (
    actor: GraphActor,
    d: string,
    target: string,
    file: Pick<FileUpload, 'content'>,
  ): Promise<DriveItemJson> => {
    const chunks: Buffer[] = [];
    for await (const chunk of file.content) chunks.push(Buffer.from(chunk));
    const bytes = Buffer.concat(chunks);
    const url = `${v1}/drives/${d}/${target}/content?@microsoft.graph.conflictBehavior=rename`;
    const response = await raw(actor, url, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    return parseItem(response);
  };

  /**
   * The file a session committed although its answer to the last fragment was lost (the session is gone
   * then): the item itself for new content, else the newest file in the folder created since the session
   * began with the same size and QuickXorHash as the bytes sent (a rename may have changed its name).
   */
  const findCommitted = async (
    actor: GraphActor,
    d: string,
    target: string,
    sent: { size: number; quickXorHash: string; since: number },
  ): Promise<DriveItemJson | undefined> => {
    const same = (item: z.infer<typeof CommittedFile>) =>
      item.size === sent.size && item.file?.hashes?.quickXorHash === sent.quickXorHash;
    const folder = /^items\/([^/:]+):\//.exec(target)?.[1];
    if (!folder) {
      const item = await call(actor, CommittedFile, (api) => api(`/drives/${d}/${target}`).get());
      return same(item) ? item : undefined;
    }
    const { value } = await call(actor, Children, (api) => api(`/drives/${d}/items/${folder}/children?$top=999`).get());
    return value
      .filter((item) => same(item) && Date.parse(item.createdDateTime ?? '') >= sent.since - 60_000)
      .sort((a, b) => Date.parse(b.createdDateTime ?? '') - Date.parse(a.createdDateTime ?? ''))[0];
  };

  const sessionUpload = async (
    actor: GraphActor,
    d: string,
    target: string,
    file: Pick<FileUpload, 'size' | 'content'>,
  ): Promise<DriveItemJson> => {
    const since = Date.now();
    const session = await call(actor, UploadSession, (api) =>
      api(`/drives/${d}/${target}/createUploadSession`).post({
        item: { '@microsoft.graph.conflictBehavior': 'rename' },
      }),
    );
    const quickXor = createQuickXorHash();
    try {
      let offset = 0;
      let item: DriveItemJson | undefined;
      for await (const fragment of fragments(file.content, fragmentBytes)) {
        quickXor.update(fragment);
        try {
          item = await sendFragment(session.uploadUrl, fragment, offset, file.size, retry);
        } catch (error) {
          if (!(error instanceof SessionGone) || offset + fragment.length < file.size) throw error;
          // The last fragment's answer was lost and the session is gone: did SharePoint commit the file?
          item = await findCommitted(actor, d, target, { size: file.size, quickXorHash: quickXor.digest(), since });
          if (!item) throw dependencyUnavailable('documents.unavailable', 'The upload session was lost.');
        }
        offset += fragment.length;
      }
      if (!item) throw dependencyUnavailable('documents.unavailable', 'SharePoint did not complete the upload.');
      return item;
    } catch (error) {
      // Cancel, so no partial upload lingers until the session expires.
      await fetch(session.uploadUrl, { method: 'DELETE' }).catch(() => undefined);
      throw error;
    }
  };

  const versions = async (actor: GraphActor, d: string, itemId: string): Promise<LibraryVersion[]> => {
    const { value } = await call(actor, Versions, (api) =>
      api(`/drives/${d}/items/${encodeURIComponent(itemId)}/versions`).get(),
    );
    return value.map((v) => {
      const who = v.lastModifiedBy?.user ?? v.lastModifiedBy?.application;
      return {
        id: v.id,
        size: v.size ?? 0,
        modifiedAt: v.lastModifiedDateTime,
        modifiedBy: who ? { id: who.id ?? '', name: who.displayName ?? who.id ?? '' } : null,
      };
    });
  };

  const stored = async (actor: GraphActor, d: string, item: DriveItemJson): Promise<StoredFile> => {
    const versionId = item.publication?.versionId ?? (await versions(actor, d, item.id))[0]?.id;
    if (!versionId) throw dependencyUnavailable('documents.unavailable', 'SharePoint reported no version for the file.');
    return { itemId: item.id, name: item.name, webUrl: item.webUrl, versionId, size: item.size ?? 0 };
  };

  const remove = async (actor: GraphActor, d: string, itemId: string): Promise<void> => {
    await call(actor, z.unknown(), (api) => api(`/drives/${d}/items/${encodeURIComponent(itemId)}`).delete());
  };

  return {
    async upload(actor, file) {
      const d = await drive(actor);
      const folderId = await ensureFolder(actor, d, file.folder);
      const target = `items/${folderId}:/${encodeURIComponent(file.fileName)}:`;
      const item =
        file.size <= simpleUploadMaxBytes
          ? await simpleUpload(actor, d, target, file)
          : await sessionUpload(actor, d, target, file);
      try {
        await call(actor, z.unknown(), (api) => api(`/drives/${d}/items/${item.id}/listItem/fields`).patch(file.fields));
        return await stored(actor, d, item);
      } catch (error) {
        // A file without its metadata columns is not filed: remove it rather than leave it half-labelled.
        await remove(actor, d, item.id).catch(() => undefined);
        throw error;
      }
    },
    async uploadVersion(actor, itemId, file) {
      const d = await drive(actor);
      const target = `items/${encodeURIComponent(itemId)}`;
      const item =
        file.size <= simpleUploadMaxBytes
          ? await simpleUpload(actor, d, target, file)
          : await sessionUpload(actor, d, target, file);
      return stored(actor, d, item);
    },
    async versions(actor, itemId) {
      return versions(actor, await drive(actor), itemId);
    },
    async download(actor, itemId, versionId) {
      const d = await drive(actor);
      const path = versionId === null ? '' : `/versions/${encodeURIComponent(versionId)}`;
      let response = await raw(actor, `${v1}/drives/${d}/items/${encodeURIComponent(itemId)}${path}/content`);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        // The pre-authenticated download URL takes no token (and must not be given ours).
        response = await sendWithRetry(() => fetch(location), retry).catch((error: unknown) =>
          Promise.reject(graphFailure(error)),
        );
      }
      if (!response.ok || !response.body) throw await failureOf(response);
      const length = response.headers.get('content-length');
      return {
        body: Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
        size: length === null ? null : Number(length),
      };
    },
    async restoreVersion(actor, itemId, versionId) {
      const d = await drive(actor);
      const id = encodeURIComponent(itemId);
      await call(actor, z.unknown(), (api) =>
        api(`/drives/${d}/items/${id}/versions/${encodeURIComponent(versionId)}/restoreVersion`).post({}),
      );
      const item = await call(actor, DriveItem, (api) => api(`/drives/${d}/items/${id}`).get());
      // The restored content is the newest version now.
      const newest = (await versions(actor, d, itemId))[0]?.id;
      return { ...(await stored(actor, d, item)), ...(newest ? { versionId: newest } : {}) };
    },
    async delete(actor, itemId) {
      await remove(actor, await drive(actor), itemId);
    },
    async share(actor, itemId, grant) {
      const d = await drive(actor);
      const { value } = await call(actor, Permissions, (api) =>
        api(`/drives/${d}/items/${encodeURIComponent(itemId)}/invite`).post({
          recipients: [{ email: grant.email }],
          roles: [grant.role],
          requireSignIn: true,
          sendInvitation: true,
          expirationDateTime: grant.expiresAt,
        }),
      );
      const permission = value[0];
      if (!permission) throw dependencyUnavailable('documents.unavailable', 'SharePoint granted no permission.');
      return permission.id;
    },
    async revokeShare(actor, itemId, permissionId) {
      const d = await drive(actor);
      try {
        await call(actor, z.unknown(), (api) =>
          api(`/drives/${d}/items/${encodeURIComponent(itemId)}/permissions/${encodeURIComponent(permissionId)}`).delete(),
        );
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'document.not-in-library')) throw error;
      }
    },
    async checkout(actor, itemId) {
      const d = await drive(actor);
      await call(actor, z.unknown(), (api) => api(`/drives/${d}/items/${encodeURIComponent(itemId)}/checkout`).post({}));
    },
    async checkin(actor, itemId, comment) {
      const d = await drive(actor);
      await call(actor, z.unknown(), (api) => api(`/drives/${d}/items/${encodeURIComponent(itemId)}/checkin`).post({ comment }));
    },
  };
}

/**
 * One fragment of an upload session, resent until SharePoint has it: 429/503 wait for Retry-After; a
 * lost connection or 416 asks the session which bytes it still expects and resumes from there.
 * Returns the driveItem once the last fragment completed the file.
 */
async function sendFragment(
  uploadUrl: string,
  fragment: Buffer,
  start: number,
  total: number,
  retry: RetryOptions,
): Promise<DriveItemJson | undefined> {
  let from = start;
  const end = start + fragment.length - 1;
  for (let attempt = 1; attempt <= retry.maxAttempts * 2; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-range': `bytes ${from}-${end}/${total}` },
        body: new Uint8Array(fragment.subarray(from - start)),
      });
    } catch {
      response = undefined;
    }
    if (response && (response.status === 200 || response.status === 201)) return parseItem(response);
    if (response?.status === 202) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    if (response && isThrottled(response.status)) {
      const wait = retryAfterMs(response.headers.get('retry-after'), 2 ** attempt * 500);
      await response.body?.cancel().catch(() => undefined);
      if (wait > retry.maxDelayMs) throw await failureOf(response);
      await retry.sleep(wait);
      continue;
    }
    if (response && response.status !== 416 && response.status < 500) throw await failureOf(response);
    await response?.body?.cancel().catch(() => undefined);
    // Resume: where does the session stand?
    const next = await nextExpectedStart(uploadUrl);
    if (next === undefined || next < start) throw new SessionGone();
    if (next > end) return undefined;
    from = next;
  }
  throw dependencyUnavailable('documents.unavailable', 'SharePoint kept refusing a part of the upload; nothing was recorded.');
}

/** The upload session no longer answers (expired, cancelled, or completed with the answer lost): 503 unless resolved. */
class SessionGone extends AppError {
  constructor() {
    super('dependency-unavailable', 'documents.unavailable', 'The upload session was lost.');
  }
}

async function nextExpectedStart(uploadUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(uploadUrl);
    if (!response.ok) return undefined;
    const status = UploadSession.partial({ uploadUrl: true }).parse(await response.json());
    const first = status.nextExpectedRanges?.[0];
    return first === undefined ? undefined : Number(first.split('-')[0]);
  } catch {
    return undefined;
  }
}

async function parseItem(response: Response): Promise<DriveItemJson> {
  if (!response.ok) throw await failureOf(response);
  const parsed = DriveItem.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw dependencyUnavailable('documents.unavailable', 'SharePoint answered unexpectedly.', parsed.error);
  return parsed.data;
}

async function failureOf(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  return graphFailure({ statusCode: response.status, code: body?.error?.code, message: body?.error?.message });
}

/** A Graph failure as the API's error: stable codes, and never a 500 for SharePoint being busy. */
export function graphFailure(error: unknown): Error {
  if (error instanceof AppError || error instanceof DomainError) return error;
  const { statusCode, code } = error as { statusCode?: number; code?: string };
  switch (statusCode) {
    case 404:
      return new DomainError('not-found', 'document.not-in-library', 'The file is no longer in the document library.');
    case 409:
      return new DomainError('conflict', 'documents.name-conflict', 'The name is taken in the document library.');
    case 423:
      return new DomainError('conflict', 'document.locked', 'The document is checked out by someone else.');
    case 401:
    case 403:
      return forbidden('documents.access-denied', 'SharePoint refused access to the document library.');
    default:
      return dependencyUnavailable(
        'documents.unavailable',
        'SharePoint (Microsoft Graph) cannot handle this right now; nothing was recorded.',
        Object.assign(new Error(`Graph ${statusCode ?? 'unreachable'} ${code ?? ''}`.trim()), { cause: error }),
      );
  }
}
