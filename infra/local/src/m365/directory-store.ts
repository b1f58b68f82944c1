import { timingSafeEqual } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { demoTenant, personaUpn } from './demo-tenant';
import { isNotFound } from './storage';

/** A directory user as stored (and as Graph presents it, before `$select`). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  preferredLanguage: string;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  description: string;
  /** The Zaakwerk app role that membership grants, or '' for none. */
  appRole: string;
}

export interface DirectoryStore {
  /** Upserts the demo tenant's users, groups and memberships: running it again changes nothing. */
  seed(): Promise<void>;
  findUser(idOrUpn: string): Promise<DirectoryUser | undefined>;
  listUsers(): Promise<DirectoryUser[]>;
  /** Checks a sign-in; the same `undefined` for an unknown user and a wrong password. */
  verifyPassword(login: string, password: string): Promise<DirectoryUser | undefined>;
  getGroup(id: string): Promise<DirectoryGroup | undefined>;
  listGroups(): Promise<DirectoryGroup[]>;
  groupsOf(userId: string): Promise<DirectoryGroup[]>;
  membersOf(groupId: string): Promise<DirectoryUser[]>;
}

const userPartition = 'user';
const groupPartition = 'group';

export function createDirectoryStore(tables: {
  users: TableClient;
  groups: TableClient;
  memberships: TableClient;
}): DirectoryStore {
  const listUsers = async (filter?: string): Promise<DirectoryUser[]> => {
    const users: DirectoryUser[] = [];
    const query = filter ? `PartitionKey eq '${userPartition}' and ${filter}` : `PartitionKey eq '${userPartition}'`;
    for await (const row of tables.users.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } }))
      users.push(toUser(row));
    return users.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl') || a.id.localeCompare(b.id));
  };
  const getUserById = async (id: string): Promise<DirectoryUser | undefined> => {
    try {
      return toUser(await tables.users.getEntity<Record<string, unknown>>(userPartition, id.toLowerCase()));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const findUser = async (idOrUpn: string): Promise<DirectoryUser | undefined> => {
    if (!idOrUpn.includes('@')) return /^[0-9a-f-]{36}$/i.test(idOrUpn) ? getUserById(idOrUpn) : undefined;
    const [user] = await listUsers(`upnLower eq '${escapeOData(idOrUpn.toLowerCase())}'`);
    return user;
  };
  const getGroup = async (id: string): Promise<DirectoryGroup | undefined> => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    try {
      return toGroup(await tables.groups.getEntity<Record<string, unknown>>(groupPartition, id.toLowerCase()));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  return {
    async seed() {
      const groupIdByNickname = new Map<string, string>(demoTenant.groups.map((g) => [g.mailNickname, g.id]));
      for (const group of demoTenant.groups) {
        await tables.groups.upsertEntity(
          {
            partitionKey: groupPartition,
            rowKey: group.id,
            displayName: group.displayName,
            mailNickname: group.mailNickname,
            description: group.displayName,
            appRole: group.appRole ?? '',
          },
          'Replace',
        );
      }
      for (const persona of demoTenant.personas) {
        const upn = personaUpn(persona);
        await tables.users.upsertEntity(
          {
            partitionKey: userPartition,
            rowKey: persona.id,
            displayName: persona.displayName,
            givenName: persona.givenName,
            surname: persona.surname,
            mail: upn,
            userPrincipalName: upn,
            upnLower: upn.toLowerCase(),
            jobTitle: persona.jobTitle,
            department: persona.department,
            officeLocation: persona.officeLocation,
            preferredLanguage: 'nl-NL',
          },
          'Replace',
        );
        for (const nickname of persona.groups) {
          const groupId = groupIdByNickname.get(nickname);
          if (!groupId) throw new Error(`demo tenant: persona ${persona.login} is in unknown group ${nickname}`);
          await tables.memberships.upsertEntity({ partitionKey: groupId, rowKey: persona.id }, 'Replace');
        }
      }
    },
    findUser,
    listUsers: () => listUsers(),
    async verifyPassword(login, password) {
      const upn = login.includes('@') ? login : `${login}@${demoTenant.domain}`;
      const user = await findUser(upn);
      // Every demo persona has the same well-known local password.
      const ok = sameText(password, demoTenant.password);
      return user && ok ? user : undefined;
    },
    getGroup,
    async listGroups() {
      const groups: DirectoryGroup[] = [];
      const rows = tables.groups.listEntities<Record<string, unknown>>({
        queryOptions: { filter: `PartitionKey eq '${groupPartition}'` },
      });
      for await (const row of rows) groups.push(toGroup(row));
      return groups.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
    },
    async groupsOf(userId) {
      const groups: DirectoryGroup[] = [];
      const rows = tables.memberships.listEntities({
        queryOptions: { filter: `RowKey eq '${escapeOData(userId.toLowerCase())}'` },
      });
      for await (const row of rows) {
        const group = await getGroup(row.partitionKey as string);
        if (group) groups.push(group);
      }
      return groups.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
    },
    async membersOf(groupId) {
      const members: DirectoryUser[] = [];
      const rows = tables.memberships.listEntities({
        queryOptions: { filter: `PartitionKey eq '${escapeOData(groupId.toLowerCase())}'` },
      });
      for await (const row of rows) {
        const user = await getUserById(row.rowKey as string);
        if (user) members.push(user);
      }
      return members.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
    },
  };
}

const escapeOData = (value: string): string => value.replace(/'/g, "''");

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function toUser(row: Record<string, unknown>): DirectoryUser {
  const text = (key: string): string => (typeof row[key] === 'string' ? (row[key] as string) : '');
  return {
    id: text('rowKey'),
    displayName: text('displayName'),
    givenName: text('givenName'),
    surname: text('surname'),
    mail: text('mail'),
    userPrincipalName: text('userPrincipalName'),
    jobTitle: text('jobTitle'),
    department: text('department'),
    officeLocation: text('officeLocation'),
    preferredLanguage: text('preferredLanguage'),
  };
}

function toGroup(row: Record<string, unknown>): DirectoryGroup {
  const text = (key: string): string => (typeof row[key] === 'string' ? (row[key] as string) : '');
  return {
    id: text('rowKey'),
    displayName: text('displayName'),
    mailNickname: text('mailNickname'),
    description: text('description'),
    appRole: text('appRole'),
  };
}
