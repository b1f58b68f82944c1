import { ensureLocalCertificates } from '../certs';
import { demoTenant } from './demo-tenant';
import { createDirectoryStore } from './directory-store';
import { createFaultInjector } from './faults';
import { createGrantStore } from './grant-store';
import { handleDownload } from './graph/download';
import { createDownloadLinks } from './graph/download-links';
import { createDriveStore } from './graph/drive-store';
import { createGraphApi } from './graph/graph-api';
import { createUploadSessionStore, handleUploadSession } from './graph/upload-sessions';
import { createPermissionStore } from './graph/drive-permissions';
import { createSubscriptionService } from './graph/subscriptions';
import type { GraphContext } from './graph/graph-context';
import { loadOrCreateSigningKeys } from './keys';
import { closeServer, listenOnLoopback } from './listen';
import { createLocalRoutes } from './local-routes';
import type { IdentityContext } from './oidc/identity-context';
import { createRequestListener } from './server';
import { createStorage } from './storage';
import { createTokenService } from './tokens/token-service';
import { m365Urls } from './urls';

export interface StartLocalM365Options {
  /** 0 or absent: a free port. */
  port?: number;
  /** Keeps `<dataDir>/m365/signing-keys.json`. */
  dataDir: string;
  /** Where the local CA and server certificate live (`ensureLocalCertificates`). */
  localDir: string;
  storageConnectionString: string;
  log?: (line: string) => void;
  /** Origins (besides any http(s)://localhost) whose URLs are accepted as redirect URIs. */
  allowedRedirectOrigins?: string[];
}

export interface LocalM365 {
  /** https://localhost:PORT */
  url: string;
  /** The OpenID Connect issuer and MSAL authority: `<url>/<tenantId>/v2.0`. */
  issuer: string;
  tenantId: string;
  /** `<url>/graph` (append `/v1.0/...`). */
  graphBaseUrl: string;
  jwksUri: string;
  tokenEndpoint: string;
  close(): Promise<void>;
}

/**
 * Starts the local Microsoft 365: an HTTPS server with Entra ID's OpenID Connect endpoints for the demo
 * tenant and a Graph subset, keeping its state in Azurite. Seeds the directory on every start (idempotent).
 */
export async function startLocalM365(opts: StartLocalM365Options): Promise<LocalM365> {
  const certs = await ensureLocalCertificates(opts.localDir);
  const storage = createStorage(opts.storageConnectionString);
  const directory = createDirectoryStore(storage);
  const subscriptions = createSubscriptionService(storage.driveItems, opts.log);
  const drive = createDriveStore(storage.driveItems, storage.content, undefined, (driveId) => subscriptions.changed(driveId));
  // Idempotent: also run when storage comes back empty (an in-memory Azurite that restarted).
  const prepareStorage = async (): Promise<void> => {
    await storage.ensure();
    await directory.seed();
    await drive.ensureRoot(demoTenant.sharePoint.driveId, demoTenant.sharePoint.rootItemId, {
      kind: 'application',
      id: 'system',
      displayName: 'System Account',
    });
  };
  await prepareStorage();
  const keys = await loadOrCreateSigningKeys(opts.dataDir);

  // The URLs depend on the port, which is known only once listening; requests wait for the wiring.
  const wiring: { listener?: ReturnType<typeof createRequestListener> } = {};
  const { port, servers } = await listenOnLoopback(opts.port ?? 0, { cert: certs.certPem, key: certs.keyPem }, (req, res) => {
    if (wiring.listener) return wiring.listener(req, res);
    res.writeHead(503, { 'Retry-After': '1' }).end();
  });
  const urls = m365Urls(`https://localhost:${port}`, demoTenant.tenantId);
  const tokens = createTokenService(keys, urls.issuer);
  const identity: IdentityContext = {
    tenantId: demoTenant.tenantId,
    urls,
    tokens,
    directory,
    grants: createGrantStore(storage.grants),
    allowedRedirectOrigins: opts.allowedRedirectOrigins ?? [],
    now: () => Math.floor(Date.now() / 1000),
  };
  const graphContext: GraphContext = {
    urls,
    tokens,
    directory,
    drive,
    downloads: createDownloadLinks(urls.base),
    sessions: createUploadSessionStore(storage.driveItems, storage.content),
    permissions: createPermissionStore(storage.driveItems),
    subscriptions,
  };
  const faults = createFaultInjector();
  wiring.listener = createRequestListener({
    identity,
    keys,
    graph: createGraphApi(graphContext, faults, opts.log),
    download: (ex) => handleDownload(graphContext, ex),
    upload: (ex) => handleUploadSession(graphContext, faults, ex),
    local: createLocalRoutes(storage, faults, prepareStorage, subscriptions),
    ...(opts.log ? { log: opts.log } : {}),
  });
  opts.log?.(`local Microsoft 365 listening at ${urls.base} (authority ${urls.issuer})`);

  return {
    url: urls.base,
    issuer: urls.issuer,
    tenantId: demoTenant.tenantId,
    graphBaseUrl: urls.graphBase,
    jwksUri: urls.jwks,
    tokenEndpoint: urls.token,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
