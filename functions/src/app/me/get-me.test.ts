import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publish } from '../../domain/case-types';
import type { UserPrincipal } from '../../domain/principal';
import { inMemoryCaseTypes } from '../../test-support/in-memory-case-types';
import { getMe } from './get-me';

const shipped = (key: string) => parse(readFileSync(join(__dirname, '../../../case-types', `${key}.yaml`), 'utf8')) as unknown;
const handlersGroup = 'a1b2c3d4-0001-4000-8000-000000000001';

const user = (over: Partial<UserPrincipal> = {}): UserPrincipal =>
  ({
    kind: 'user',
    oid: 'u1',
    tid: 't',
    name: 'Sanne de Vries',
    upn: 'behandelaar@zaakwerk.test',
    email: null,
    roles: [],
    groups: [],
    ...over,
  }) as UserPrincipal;

describe('getMe', () => {
  const types = ['omgevingsvergunning', 'klacht'].map((key) =>
    publish(shipped(key), [], { publishedAt: '2026-11-28T10:00:00Z' }),
  );

  it('lists the latest published case types the user may start, by name', async () => {
    const me = await getMe(user({ groups: [handlersGroup] }), inMemoryCaseTypes(types));
    expect(me.caseTypes).toEqual([
      { key: 'klacht', version: 1, name: types[1]!.name },
      { key: 'omgevingsvergunning', version: 1, name: types[0]!.name },
    ]);
  });

  it('lists nothing for a colleague without a grant in any case type', async () => {
    expect((await getMe(user({ groups: [] }), inMemoryCaseTypes(types))).caseTypes).toEqual([]);
  });
});
