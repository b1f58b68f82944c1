import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError, dependencyUnavailable } from '../../app/errors';
import type { DirectoryUser, UserDirectory } from '../../ports/user-directory';

const GraphUser = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  userPrincipalName: z.string(),
  mail: z.string().nullable().optional(),
});
const Page = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
const DirectoryObject = z.object({ id: z.string(), '@odata.type': z.string().optional() });
const AppRoleAssignment = z.object({ appRoleId: z.string(), principalId: z.string() });
const ServicePrincipal = z.object({
  id: z.string(),
  appRoles: z.array(z.object({ id: z.string(), value: z.string().nullable().optional() })),
});
type Assignments = { roleValues: Map<string, string>; assignments: z.infer<typeof AppRoleAssignment>[] };

/** How long the API's app role assignments are reused; a new assignment shows up within this time. */
const assignmentsTtlMs = 5 * 60_000;

/**
 * The directory through Microsoft Graph (app-only). App roles come from the Zaakwerk API's own service
 * principal: who is assigned which role (users and groups, `appRoleAssignedTo`), matched against the
 * user and their direct groups — Entra grants group-assigned app roles to direct members only. This
 * needs Application.Read.All and GroupMember.Read.All rather than Directory.Read.All.
 */
export function createGraphUserDirectory(
  graph: Client,
  options: { graphBaseUrl: string; apiClientId: string; now?: () => number },
): UserDirectory {
  const now = options.now ?? Date.now;
  let cache: { loadedAt: number; value: Promise<Assignments> } | undefined;
  const apiAssignments = (): Promise<Assignments> => {
    if (!cache || now() - cache.loadedAt > assignmentsTtlMs) {
      const value = loadAssignments(graph, options);
      const entry = { loadedAt: now(), value };
      cache = entry;
      // A failed load is not kept: the next request tries again.
      value.catch(() => {
        if (cache === entry) cache = undefined;
      });
    }
    return cache.value;
  };

  return {
    async findUser(oid: string): Promise<DirectoryUser | null> {
      const id = encodeURIComponent(oid);
      let user: z.infer<typeof GraphUser>;
      try {
        user = await get(graph, `/users/${id}?$select=id,displayName,userPrincipalName,mail`, GraphUser);
      } catch (error) {
        if (error instanceof NotFound) return null;
        throw error;
      }
      const [memberships, { roleValues, assignments }] = await Promise.all([
        getAll(graph, options.graphBaseUrl, `/users/${id}/memberOf?$select=id`, DirectoryObject),
        apiAssignments(),
      ]);
      const groupIds = memberships
        .filter((m) => !m['@odata.type'] || m['@odata.type'] === '#microsoft.graph.group')
        .map((m) => m.id);
      const principals = new Set([user.id, ...groupIds]);
      const appRoles = assignments
        .filter((a) => principals.has(a.principalId))
        .map((a) => roleValues.get(a.appRoleId) ?? '')
        .filter((value) => value !== '');
      return {
        id: user.id,
        displayName: user.displayName ?? user.userPrincipalName,
        userPrincipalName: user.userPrincipalName,
        mail: user.mail ?? null,
        groupIds,
        appRoles: [...new Set(appRoles)],
      };
    },
  };
}

async function loadAssignments(graph: Client, options: { graphBaseUrl: string; apiClientId: string }): Promise<Assignments> {
  const sp = await required(
    get(graph, `/servicePrincipals(appId='${options.apiClientId}')?$select=id,appRoles`, ServicePrincipal),
  );
  const assignments = await getAll(
    graph,
    options.graphBaseUrl,
    `/servicePrincipals/${encodeURIComponent(sp.id)}/appRoleAssignedTo?$select=principalId,appRoleId&$top=999`,
    AppRoleAssignment,
  );
  return { roleValues: new Map(sp.appRoles.map((role) => [role.id, role.value ?? ''])), assignments };
}

class NotFound extends Error {}

async function get<T extends z.ZodType>(graph: Client, path: string, schema: T): Promise<z.output<T>> {
  let body: unknown;
  try {
    body = await graph.api(path).get();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: unknown }).statusCode === 404) throw new NotFound(path);
    throw dependencyUnavailable('graph.unavailable', 'Microsoft Graph cannot be reached.', error);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw dependencyUnavailable('graph.unavailable', 'Microsoft Graph answered unexpectedly.', parsed.error);
  return parsed.data;
}

/** For lookups that must exist: a 404 means Graph (or its setup) is not what we expect. */
const required = <T>(lookup: Promise<T>): Promise<T> =>
  lookup.catch((error: unknown) => {
    throw error instanceof NotFound
      ? dependencyUnavailable('graph.unavailable', 'Microsoft Graph answered unexpectedly.', error)
      : error;
  });

/** Follows @odata.nextLink; links are absolute, so the configured base URL is stripped for the client. */
async function getAll<T extends z.ZodType>(graph: Client, graphBaseUrl: string, path: string, item: T): Promise<z.output<T>[]> {
  const items: z.output<T>[] = [];
  let next: string | undefined = path;
  for (let pageCount = 0; next && pageCount < 50; pageCount++) {
    const page: z.infer<ReturnType<typeof Page<T>>> = await required(get(graph, next, Page(item)));
    items.push(...page.value);
    const link = page['@odata.nextLink'];
    next = link?.startsWith(`${graphBaseUrl}/v1.0/`) ? link.slice(`${graphBaseUrl}/v1.0`.length) : undefined;
  }
  return items;
}
