import { createHash } from 'node:crypto';
import { demoTenant } from '../demo-tenant';
import type { DirectoryGroup } from '../directory-store';
import type { Exchange } from '../http/router';
import { appRegistrations, type AppRegistration } from '../oidc/apps';
import { permissions, requirePermission, type GraphCaller } from './caller';
import { graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';
import { paginate, parseSelect, parseTop, project } from './odata';

const appRoleDescriptions: Record<string, string> = {
  'Zaakwerk.Admin': 'Functioneel beheer van Zaakwerk',
  'Zaakwerk.Coordinator': 'Zaken verdelen en bewaken',
  'Zaakwerk.RecordsManager': 'Archiefbeheer: bewaartermijnen en vernietiging',
  'Zaakwerk.ContactCentre': 'Klantcontacten vastleggen en zaken starten',
  'Zaakwerk.Auditor': 'Alles inzien, niets wijzigen',
  'Zaakwerk.Bot.ActAsUser': 'De Zaakwerk-bot mag namens een gebruiker handelen',
};

/** GET /servicePrincipals(appId='…') and /servicePrincipals/{id}: the apps of the demo tenant. */
export async function getServicePrincipal(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readApplications);
  const app = findServicePrincipal(ex.params);
  const select = parseSelect(ex.url.searchParams.get('$select'), servicePrincipalProperties, 'microsoft.graph.servicePrincipal');
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, select ? `servicePrincipals(${select.join(',')})/$entity` : 'servicePrincipals/$entity'),
    ...project(presentServicePrincipal(app), select),
  });
}

/**
 * GET /servicePrincipals/{id}/appRoleAssignedTo: who holds the API's app roles — the groups whose
 * members get a role (as configured in the demo tenant) and the bot for Zaakwerk.Bot.ActAsUser.
 */
export async function listAppRoleAssignedTo(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readApplications);
  const resource = findServicePrincipal(ex.params);
  const assignments = resource.appIdUri ? apiRoleAssignments(resource, await ctx.directory.listGroups()) : [];
  const select = parseSelect(ex.url.searchParams.get('$select'), assignmentProperties, 'microsoft.graph.appRoleAssignment');
  const { page, nextLink } = paginate(assignments, ex.url, ctx.urls.base, parseTop(ex.url.searchParams.get('$top')));
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, `servicePrincipals('${resource.servicePrincipalId}')/appRoleAssignedTo`),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: page.map((a) => project(a, select)),
  });
}

const servicePrincipalProperties = [
  'id',
  'appId',
  'displayName',
  'appRoles',
  'servicePrincipalType',
  'accountEnabled',
  'appOwnerOrganizationId',
  'servicePrincipalNames',
];
const assignmentProperties = [
  'id',
  'appRoleId',
  'createdDateTime',
  'principalDisplayName',
  'principalId',
  'principalType',
  'resourceDisplayName',
  'resourceId',
];

function findServicePrincipal(params: Record<string, string>): AppRegistration {
  const app = params.appId
    ? appRegistrations.find((a) => a.clientId === params.appId?.toLowerCase())
    : appRegistrations.find((a) => a.servicePrincipalId === params.id?.toLowerCase());
  if (!app) throw graphErrors.userNotFound(params.appId ?? params.id ?? '');
  return app;
}

function presentServicePrincipal(app: AppRegistration): Record<string, unknown> {
  const exposesRoles = Boolean(app.appIdUri);
  return {
    id: app.servicePrincipalId,
    appId: app.clientId,
    displayName: app.displayName,
    accountEnabled: true,
    appOwnerOrganizationId: demoTenant.tenantId,
    servicePrincipalType: 'Application',
    servicePrincipalNames: [app.clientId, ...(app.appIdUri ? [app.appIdUri] : [])],
    appRoles: exposesRoles
      ? Object.entries(demoTenant.appRoleIds).map(([value, id]) => ({
          allowedMemberTypes: value === demoTenant.appRoles.botActAsUser ? ['Application'] : ['User'],
          description: appRoleDescriptions[value] ?? value,
          displayName: value,
          id,
          isEnabled: true,
          origin: 'Application',
          value,
        }))
      : [],
  };
}

function apiRoleAssignments(resource: AppRegistration, groups: DirectoryGroup[]): Array<Record<string, unknown>> {
  const roleId = (value: string): string | undefined => (demoTenant.appRoleIds as Record<string, string>)[value];
  const assignment = (principalId: string, principalType: string, principalDisplayName: string, appRoleId: string) => ({
    id: createHash('sha256').update(`${principalId}|${appRoleId}`).digest('base64url').slice(0, 43),
    appRoleId,
    createdDateTime: '2024-01-01T00:00:00Z',
    principalDisplayName,
    principalId,
    principalType,
    resourceDisplayName: resource.displayName,
    resourceId: resource.servicePrincipalId,
  });
  const forGroups = groups.flatMap((g) => {
    const id = g.appRole ? roleId(g.appRole) : undefined;
    return id ? [assignment(g.id, 'Group', g.displayName, id)] : [];
  });
  const forApps = appRegistrations.flatMap((app) =>
    app.apiAppRoles.flatMap((role) => {
      const id = roleId(role);
      return id ? [assignment(app.servicePrincipalId, 'ServicePrincipal', app.displayName, id)] : [];
    }),
  );
  return [...forGroups, ...forApps];
}
