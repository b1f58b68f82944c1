/** A user as the directory (Microsoft Graph) knows them; used when the bot acts for a user. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  groupIds: string[];
  /** App role values of the Zaakwerk API assigned to the user directly or through a group. */
  appRoles: string[];
}

export interface UserDirectory {
  /** null when there is no such user in the tenant. */
  findUser(oid: string): Promise<DirectoryUser | null>;
}
