import { can, defaultAccessSettings, resolveActor, type CaseTypeAction } from '../domain/access';
import type { UserPrincipal } from '../domain/principal';

/** No token needed; still passes CORS, logging and error mapping. */
export interface PublicPolicy {
  kind: 'public';
  name: string;
}

/** A valid token for a user (or the bot acting for a user) and, optionally, a global rule on that user. */
export interface AuthenticatedPolicy {
  kind: 'authenticated';
  name: string;
  allows?: (user: UserPrincipal) => boolean;
}

export type Policy = PublicPolicy | AuthenticatedPolicy;

/** Rules that depend on global roles only are asked of the same policy, before the handler runs. */
const mayOnCaseTypes = (action: CaseTypeAction) => (user: UserPrincipal) =>
  can(
    resolveActor({ id: user.oid, name: user.name, roles: user.roles, groups: user.groups }, [], defaultAccessSettings, ''),
    action,
    {
      kind: 'caseType',
      caseType: { key: '', confidentiality: 'openbaar' },
    },
  );

/**
 * The named policies endpoints choose from. Resource rules (may this user see this case?) come
 * from the domain policy module once cases exist; these decide only who may call at all.
 */
export const policies = {
  public: { kind: 'public', name: 'public' },
  authenticated: { kind: 'authenticated', name: 'authenticated' },
  /** Create, change, publish, retire, import and export case types: functioneel beheer only. */
  caseTypesManage: {
    kind: 'authenticated',
    name: 'caseTypes.manage',
    allows: mayOnCaseTypes('caseType.manage'),
  },
  /** Compare case-type versions: administrators, and coordinators who explain changes to their teams. */
  caseTypesCompare: {
    kind: 'authenticated',
    name: 'caseTypes.compare',
    allows: mayOnCaseTypes('caseType.compare'),
  },
} as const satisfies Record<string, Policy>;

export const isKnownPolicy = (policy: unknown): policy is Policy => Object.values(policies).some((known) => known === policy);
