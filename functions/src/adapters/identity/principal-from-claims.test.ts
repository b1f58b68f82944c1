import { principalFromClaims } from './principal-from-claims';

const delegated = { tid: 't', scp: 'access_as_user', oid: 'u-1', name: 'Sanne', preferred_username: 'sanne@zaakwerk.test' };

describe('groups from the token', () => {
  it('takes the groups claim as it is, with no overage', () => {
    expect(principalFromClaims({ ...delegated, groups: ['g1'] })).toMatchObject({ groups: ['g1'] });
    expect(principalFromClaims({ ...delegated, groups: ['g1'] })).not.toHaveProperty('groupsOverage');
  });

  it.each([
    ['_claim_names', { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph' } } }],
    ['hasgroups', { hasgroups: true }],
  ])('marks an Entra group overage signalled by %s, so the groups are looked up', (_how, claims) => {
    expect(principalFromClaims({ ...delegated, ...claims })).toMatchObject({ groups: [], groupsOverage: true });
  });
});
