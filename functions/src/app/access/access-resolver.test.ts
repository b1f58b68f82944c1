import type { CaseType } from '../../contract/case-type';
import { can } from '../../domain/access';
import type { UserPrincipal } from '../../domain/principal';
import { withCaseTypeCache } from '../../adapters/table-storage/case-types.cached';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { DirectoryUser, UserDirectory } from '../../ports/user-directory';
import { createAccessResolver, currentAccessLists } from './access-resolver';

const handlers = 'a1b2c3d4-0001-4000-8000-000000000001';
const readers = 'a1b2c3d4-0006-4000-8000-000000000006';

const version = (n: number, status: CaseType['status'], group: string): CaseType =>
  ({
    key: 'klacht',
    version: n,
    status,
    confidentiality: 'zaakvertrouwelijk',
    access: [{ group, role: 'handler', maxConfidentiality: 'vertrouwelijk' }],
  }) as CaseType;

const user = (overrides: Partial<UserPrincipal> = {}): UserPrincipal => ({
  kind: 'user',
  oid: 'u-1',
  tid: 't',
  name: 'Sanne',
  upn: 'sanne@zaakwerk.test',
  email: null,
  roles: [],
  groups: [],
  ...overrides,
});

function directory(groupIds: string[]) {
  const lookups: string[] = [];
  const dir: UserDirectory = {
    findUser: async (oid) => {
      lookups.push(oid);
      const found: DirectoryUser = {
        id: oid,
        displayName: 'Sanne',
        userPrincipalName: 'sanne',
        mail: null,
        groupIds,
        appRoles: [],
      };
      return found;
    },
  };
  return { dir, lookups };
}

const aCase = {
  kind: 'case' as const,
  case: { caseType: { key: 'klacht' }, confidentiality: 'intern' as const, assignee: null },
};

describe('resolving the actor of a request', () => {
  it('takes the access list of the newest non-draft version, retired included, never a draft', () => {
    const lists = currentAccessLists([
      version(1, 'published', readers),
      version(2, 'retired', handlers),
      version(3, 'draft', readers),
    ]);
    expect(lists).toEqual([
      {
        key: 'klacht',
        confidentiality: 'zaakvertrouwelijk',
        access: [{ group: handlers, role: 'handler', maxConfidentiality: 'vertrouwelijk' }],
      },
    ]);
  });

  it('uses the groups of the token and does not ask the directory', async () => {
    const { dir, lookups } = directory([]);
    const resolver = createAccessResolver({
      caseTypes: { listAllVersions: async () => [version(1, 'published', handlers)] },
      userDirectory: dir,
      clock: { now: () => new Date('2026-03-10T12:00:00Z') },
    });
    const actor = await resolver.actorFor(user({ groups: [handlers] }));
    expect(can(actor, 'case.update', aCase)).toBe(true);
    expect(actor.at).toBe('2026-03-10T12:00:00.000Z');
    expect(lookups).toEqual([]);
  });

  it('looks the groups up in the directory on a group overage, once within the cache time', async () => {
    const { dir, lookups } = directory([handlers]);
    let now = Date.parse('2026-03-10T12:00:00Z');
    const resolver = createAccessResolver({
      caseTypes: { listAllVersions: async () => [version(1, 'published', handlers)] },
      userDirectory: dir,
      clock: { now: () => new Date(now) },
    });
    const overage = user({ groupsOverage: true });
    expect(can(await resolver.actorFor(overage), 'case.update', aCase)).toBe(true);
    await resolver.actorFor(overage);
    expect(lookups).toEqual(['u-1']);
    now += 6 * 60_000;
    await resolver.actorFor(overage);
    expect(lookups).toEqual(['u-1', 'u-1']);
  });

  it('keeps no access lists of its own: a grant the case types show is used on the next request', async () => {
    let versions = [version(1, 'published', readers)];
    const resolver = createAccessResolver({
      caseTypes: { listAllVersions: async () => versions },
      userDirectory: directory([]).dir,
      clock: { now: () => new Date('2026-03-10T12:00:00Z') },
    });
    const sanne = user({ groups: [handlers] });
    expect(can(await resolver.actorFor(sanne), 'case.read', aCase)).toBe(false);
    versions = [...versions, version(2, 'published', handlers)];
    expect(can(await resolver.actorFor(sanne), 'case.read', aCase)).toBe(true);
  });

  it('sees a grant published on this instance at once through the repository’s case-type cache', async () => {
    const clock = { now: () => new Date('2026-03-10T12:00:00Z') };
    const stored: CaseType[] = [version(1, 'published', readers)];
    let reads = 0;
    const repository = {
      listAllVersions: async () => {
        reads++;
        return [...stored];
      },
      addVersion: async (added: CaseType) => {
        stored.push(added);
      },
    } as unknown as CaseTypeRepository;
    const caseTypes = withCaseTypeCache(repository, { clock });
    const resolver = createAccessResolver({ caseTypes, userDirectory: directory([]).dir, clock });
    const sanne = user({ groups: [handlers] });
    expect(can(await resolver.actorFor(sanne), 'case.read', aCase)).toBe(false);
    await resolver.actorFor(sanne);
    expect(reads).toBe(1); // served from the repository's cache
    await caseTypes.addVersion(version(2, 'published', handlers));
    expect(can(await resolver.actorFor(sanne), 'case.read', aCase)).toBe(true);
  });
});
