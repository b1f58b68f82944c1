import type { CaseType } from '../../contract/case-type';
import type { UserPrincipal } from '../../domain/principal';
import { listCaseTypes } from './list-case-types';

const handlers = 'a1b2c3d4-0001-4000-8000-000000000001';
const readers = 'a1b2c3d4-0006-4000-8000-000000000006';

const version = (key: string, n: number, overrides: Partial<CaseType> = {}): CaseType =>
  ({
    key,
    version: n,
    status: 'published',
    name: `${key} v${n}`,
    access: [
      { group: handlers, role: 'handler', maxConfidentiality: 'vertrouwelijk' },
      { group: readers, role: 'reader', maxConfidentiality: 'intern' },
    ],
    ...overrides,
  }) as CaseType;

const user = (overrides: Partial<UserPrincipal>): UserPrincipal => ({
  kind: 'user',
  oid: 'u',
  tid: 't',
  name: 'U',
  upn: 'u@zaakwerk.test',
  email: null,
  roles: [],
  groups: [],
  ...overrides,
});

const stored = (versions: CaseType[]) => ({ listAllVersions: async () => versions });

describe('listing the case types a user may start', () => {
  it('gives the latest published version of each key, skipping retired ones', async () => {
    const versions = [version('klacht', 1), version('klacht', 3, { status: 'retired' }), version('klacht', 2)];
    const listed = await listCaseTypes(user({ roles: ['administrator'] }), stored(versions));
    expect(listed.map((v) => [v.key, v.version])).toEqual([['klacht', 2]]);
  });

  it('shows a type to a member of a group with a handler grant', async () => {
    const listed = await listCaseTypes(user({ groups: [handlers] }), stored([version('klacht', 1)]));
    expect(listed.map((v) => v.key)).toEqual(['klacht']);
  });

  it('hides a type from a member of a group with only a reader grant', async () => {
    expect(await listCaseTypes(user({ groups: [readers] }), stored([version('klacht', 1)]))).toEqual([]);
  });

  it('shows every type to an administrator, whatever the groups', async () => {
    const listed = await listCaseTypes(user({ roles: ['administrator'] }), stored([version('a', 1, { access: [] })]));
    expect(listed.map((v) => v.key)).toEqual(['a']);
  });

  it('hides a type whose default confidentiality is above the handler grant (they could not see the case)', async () => {
    const secret = version('geheim', 1, { confidentiality: 'geheim' });
    expect(await listCaseTypes(user({ groups: [handlers] }), stored([secret]))).toEqual([]);
  });

  it('shows the contact centre the types it may register by phone (intern or lower)', async () => {
    const types = [
      version('melding', 1, { confidentiality: 'intern' }),
      version('klacht', 1, { confidentiality: 'zaakvertrouwelijk' }),
    ];
    const listed = await listCaseTypes(user({ roles: ['contactCentre'] }), stored(types));
    expect(listed.map((v) => v.key)).toEqual(['melding']);
  });
});
