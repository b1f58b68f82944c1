import type { DirectoryStore } from '../directory-store';
import type { Exchange } from '../http/router';
import type { TokenService } from '../tokens/token-service';
import type { M365Urls } from '../urls';
import type { GraphCaller } from './caller';
import type { DownloadLinks } from './download-links';
import type { DriveStore } from './drive-store';
import type { UploadSessionStore } from './upload-sessions';
import type { PermissionStore } from './drive-permissions';
import type { SubscriptionService } from './subscriptions';

/** What the Graph handlers share. */
export interface GraphContext {
  urls: M365Urls;
  tokens: TokenService;
  directory: DirectoryStore;
  drive: DriveStore;
  downloads: DownloadLinks;
  sessions: UploadSessionStore;
  permissions: PermissionStore;
  subscriptions: SubscriptionService;
}

export type GraphHandler = (ctx: GraphContext, ex: Exchange, caller: GraphCaller) => Promise<void>;

export const graphJsonType = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function sendGraphJson(ex: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  ex.res.writeHead(status, { 'Content-Type': graphJsonType, 'Content-Length': Buffer.byteLength(text), ...headers });
  ex.res.end(text);
}

/** `@odata.context` for a body, e.g. `users/$entity`. */
export const odataContext = (ctx: GraphContext, fragment: string): string => `${ctx.urls.graphBase}/v1.0/$metadata#${fragment}`;
