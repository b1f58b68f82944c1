import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isConflict, isNotFound } from './storage';

/** What an authorization code stands for until it is redeemed. */
export interface AuthorizationCodeGrant {
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  nonce?: string;
  codeChallenge: string;
  sessionId?: string;
  authTime: number;
}

/** What a refresh token stands for: a user, a client, and the OIDC scopes of the original sign-in. */
export interface RefreshGrant {
  clientId: string;
  userId: string;
  scope: string;
  sessionId?: string;
  authTime: number;
  /** Public (SPA) clients get short-lived refresh tokens, as in Entra. */
  publicClient: boolean;
}

export interface SignInSession {
  userId: string;
  authTime: number;
  /** Public session id (the `sid` claim); the cookie value itself stays secret. */
  sid: string;
}

export type Redemption<T> = { kind: 'ok'; grant: T } | { kind: 'unknown' } | { kind: 'expired' } | { kind: 'already-redeemed' };

const lifetimes = { code: 5 * 60, publicRefresh: 24 * 3600, refresh: 90 * 24 * 3600, session: 12 * 3600 };

/**
 * Codes, refresh tokens and sign-in sessions, stored by the SHA-256 of their secret value. Codes and
 * refresh tokens are single use: redemption is an ETag-guarded update, so two parallel redemptions
 * cannot both win.
 */
export interface GrantStore {
  issueCode(grant: AuthorizationCodeGrant): Promise<string>;
  /** `check` runs before the code is spent: a request it rejects (by throwing) leaves the code usable. */
  redeemCode(code: string, check?: (grant: AuthorizationCodeGrant) => void): Promise<Redemption<AuthorizationCodeGrant>>;
  issueRefreshToken(grant: RefreshGrant): Promise<{ token: string; expiresIn: number }>;
  redeemRefreshToken(token: string, check?: (grant: RefreshGrant) => void): Promise<Redemption<RefreshGrant>>;
  createSession(session: SignInSession): Promise<string>;
  getSession(id: string): Promise<SignInSession | undefined>;
  endSession(id: string): Promise<void>;
}

interface Row {
  partitionKey: string;
  rowKey: string;
  data: string;
  expiresAt: number;
  redeemed?: boolean;
}

export function createGrantStore(table: TableClient, nowSeconds: () => number = () => Math.floor(Date.now() / 1000)): GrantStore {
  const put = async (kind: string, data: unknown, lifetime: number): Promise<string> => {
    const secret = randomBytes(32).toString('base64url');
    await table.createEntity<Row>({
      partitionKey: kind,
      rowKey: digest(secret),
      data: JSON.stringify(data),
      expiresAt: nowSeconds() + lifetime,
    });
    return secret;
  };
  const redeem = async <T>(kind: string, secret: string, check?: (grant: T) => void): Promise<Redemption<T>> => {
    let row: Row & { etag: string };
    try {
      row = (await table.getEntity<Row>(kind, digest(secret))) as Row & { etag: string };
    } catch (error) {
      if (isNotFound(error)) return { kind: 'unknown' };
      throw error;
    }
    if (row.redeemed) return { kind: 'already-redeemed' };
    if (row.expiresAt < nowSeconds()) return { kind: 'expired' };
    const grant = JSON.parse(row.data) as T;
    check?.(grant);
    try {
      await table.updateEntity({ partitionKey: kind, rowKey: row.rowKey, redeemed: true }, 'Merge', { etag: row.etag });
    } catch (error) {
      if (isConflict(error)) return { kind: 'already-redeemed' };
      throw error;
    }
    return { kind: 'ok', grant };
  };

  return {
    issueCode: (grant) => put('code', grant, lifetimes.code),
    redeemCode: (code, check) => redeem<AuthorizationCodeGrant>('code', code, check),
    async issueRefreshToken(grant) {
      const expiresIn = grant.publicClient ? lifetimes.publicRefresh : lifetimes.refresh;
      return { token: await put('refresh', grant, expiresIn), expiresIn };
    },
    redeemRefreshToken: (token, check) => redeem<RefreshGrant>('refresh', token, check),
    createSession: (session) => put('session', session, lifetimes.session),
    async getSession(id) {
      try {
        const row = await table.getEntity<Row>('session', digest(id));
        return row.expiresAt < nowSeconds() ? undefined : (JSON.parse(row.data) as SignInSession);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async endSession(id) {
      try {
        await table.deleteEntity('session', digest(id));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');
