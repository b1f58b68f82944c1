import type { DirectoryStore } from '../directory-store';
import type { GrantStore } from '../grant-store';
import type { TokenService } from '../tokens/token-service';
import type { M365Urls } from '../urls';

/** What the identity endpoints share: URLs, token signing, the directory and the grant store. */
export interface IdentityContext {
  tenantId: string;
  urls: M365Urls;
  tokens: TokenService;
  directory: DirectoryStore;
  grants: GrantStore;
  allowedRedirectOrigins: readonly string[];
  /** Seconds since the epoch. */
  now(): number;
}
