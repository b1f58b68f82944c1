/**
 * Global roles: what a person may do across all case types. They come from Entra app roles on the
 * Zaakwerk API app registration (assigned to users or to groups), so the tenant's own administrators
 * decide who holds them. Roles per case type come later (issue 3) and are not global.
 */
export const globalRoles = ['administrator', 'coordinator', 'recordsManager', 'contactCentre', 'auditor'] as const;
export type GlobalRole = (typeof globalRoles)[number];

/** The app role values declared on the API app registration (appPackage/teamsapp.yml, Bicep). */
export const appRoleValues = {
  administrator: 'Zaakwerk.Admin',
  coordinator: 'Zaakwerk.Coordinator',
  recordsManager: 'Zaakwerk.RecordsManager',
  contactCentre: 'Zaakwerk.ContactCentre',
  auditor: 'Zaakwerk.Auditor',
  /** Granted to the bot's app identity only: lets it call the API on behalf of a named user. */
  botActAsUser: 'Zaakwerk.Bot.ActAsUser',
} as const;

/** Maps the `roles` claim (or Graph app role assignments) to global roles; unknown values are ignored. */
export function globalRolesFromAppRoles(appRoles: readonly string[]): GlobalRole[] {
  return globalRoles.filter((role) => appRoles.includes(appRoleValues[role]));
}
