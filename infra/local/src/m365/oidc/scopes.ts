import { demoTenant } from '../demo-tenant';
import { type AppRegistration } from './apps';
import { oauthErrors } from './oauth-error';

export const graphAudience = 'https://graph.microsoft.com';
const graphAppId = '00000003-0000-0000-c000-000000000000';
const oidcScopeNames = ['openid', 'profile', 'email', 'offline_access'] as const;

/** A resource tokens can be issued for: the Zaakwerk API or Microsoft Graph. */
export type Resource =
  { kind: 'api'; audience: string; identifier: string } | { kind: 'graph'; audience: string; identifier: string };

export const apiResource: Resource = {
  kind: 'api',
  audience: demoTenant.apiApp.clientId,
  identifier: demoTenant.apiApp.appIdUri,
};
export const graphResource: Resource = { kind: 'graph', audience: graphAudience, identifier: graphAudience };

/** The delegated Graph permissions this stand-in knows (a request for another name is `invalid_scope`). */
export const knownGraphDelegatedScopes = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'Group.Read.All',
  'GroupMember.Read.All',
  'Directory.Read.All',
  'Application.Read.All',
  'Files.Read',
  'Files.ReadWrite',
  'Files.Read.All',
  'Files.ReadWrite.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Mail.Send',
  'Mail.Read',
  'TeamsActivity.Send',
  'People.Read',
];
const apiScopes = [demoTenant.apiApp.scope];

/** What a `scope` parameter asks for: one resource, its scopes (short names or `.default`), and OIDC scopes. */
export interface ScopeRequest {
  resource: Resource;
  scopes: string[];
  oidc: string[];
  raw: string;
}

/**
 * Parses a delegated (user) scope request the way Entra v2 does: fully qualified scopes name their
 * resource, bare names mean Graph, one resource per request, and OIDC-only requests get a Graph token.
 */
export function parseDelegatedScopes(raw: string | null, tenantId: string): ScopeRequest {
  if (!raw?.trim()) throw oauthErrors.missingParameter('scope');
  const parts = raw.trim().split(/\s+/);
  const oidc = parts.filter(isOidcScope).map((s) => s.toLowerCase());
  const qualified = parts.filter((s) => !isOidcScope(s)).map((s) => qualify(s, tenantId));
  if (!qualified.length) return { resource: graphResource, scopes: ['User.Read'], oidc, raw };
  const resource = qualified[0]!.resource;
  if (qualified.some((q) => q.resource.kind !== resource.kind)) throw oauthErrors.multipleResources(raw);
  const scopes = qualified.map((q) => canonicalScope(q.resource, q.scope, raw));
  if (scopes.includes('.default') && scopes.length > 1)
    throw oauthErrors.invalidScope(`The scope '${raw}' combines .default with other scopes of the same resource.`);
  return { resource, scopes: [...new Set(scopes)], oidc, raw };
}

/** Client credentials: exactly one `<resource>/.default`. */
export function parseAppScope(raw: string | null, tenantId: string): Resource {
  if (!raw?.trim()) throw oauthErrors.missingParameter('scope');
  const parts = raw.trim().split(/\s+/);
  if (parts.length !== 1) throw oauthErrors.appScopeWithoutDefault(raw);
  const { resource, scope } = qualify(parts[0]!, tenantId);
  if (scope !== '.default') throw oauthErrors.appScopeWithoutDefault(raw);
  return resource;
}

/** The delegated scopes granted for a request (`.default` expands to what the app has consent for). */
export function grantedDelegatedScopes(request: ScopeRequest, app: AppRegistration): string[] {
  if (request.resource.kind === 'api') return [...apiScopes];
  if (request.scopes.includes('.default')) return [...app.graphDelegatedPermissions];
  return request.scopes;
}

/** The application permissions (app roles) an app holds on a resource. */
export function grantedAppRoles(resource: Resource, app: AppRegistration): string[] {
  return resource.kind === 'api' ? [...app.apiAppRoles] : [...app.graphAppPermissions];
}

/** The `scope` of a token response: API scopes fully qualified, Graph scopes short, plus OIDC scopes asked for. */
export function responseScope(resource: Resource, granted: readonly string[], oidc: readonly string[]): string {
  const named = resource.kind === 'api' ? granted.map((s) => `${resource.identifier}/${s}`) : granted;
  return [...named, ...oidc.filter((s) => s !== 'offline_access')].join(' ');
}

function isOidcScope(scope: string): boolean {
  return (oidcScopeNames as readonly string[]).includes(scope.toLowerCase());
}

function qualify(scope: string, tenantId: string): { resource: Resource; scope: string } {
  const lower = scope.toLowerCase();
  const prefixes: Array<[string, Resource]> = [
    [`${demoTenant.apiApp.appIdUri.toLowerCase()}/`, apiResource],
    [`${demoTenant.apiApp.clientId}/`, apiResource],
    [`${graphAudience}/`, graphResource],
    [`${graphAppId}/`, graphResource],
  ];
  for (const [prefix, resource] of prefixes) {
    if (lower.startsWith(prefix)) return { resource, scope: scope.slice(prefix.length) };
  }
  if (scope.includes('/') || scope.includes(':'))
    throw oauthErrors.unknownResource(scope.slice(0, scope.lastIndexOf('/')) || scope, tenantId);
  return { resource: graphResource, scope };
}

function canonicalScope(resource: Resource, scope: string, raw: string): string {
  if (scope === '.default') return scope;
  const known = resource.kind === 'api' ? apiScopes : knownGraphDelegatedScopes;
  const match = known.find((k) => k.toLowerCase() === scope.toLowerCase());
  if (!match)
    throw oauthErrors.invalidScope(
      `The scope '${scope}' does not exist on the resource '${resource.identifier}' (requested: '${raw}').`,
    );
  return match;
}
