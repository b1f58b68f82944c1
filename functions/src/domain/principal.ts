import type { GlobalRole } from './roles';

/**
 * Who a request acts for. A user principal is always the real person; when the bot calls for them,
 * `via` says so and `actingAppId` names the bot's app identity (kept for the audit trail).
 */
export interface UserPrincipal {
  kind: 'user';
  oid: string;
  tid: string;
  name: string;
  upn: string;
  email: string | null;
  roles: GlobalRole[];
  groups: string[];
  /** The token had too many groups to list them (Entra's overage claim): look them up in the directory. */
  groupsOverage?: boolean;
  via?: 'bot';
  actingAppId?: string;
}

/** An application calling with its own identity (client credentials); `roles` are raw app role values. */
export interface AppPrincipal {
  kind: 'app';
  appId: string;
  tid: string;
  roles: string[];
}

export type Principal = UserPrincipal | AppPrincipal;
