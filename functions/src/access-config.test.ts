import { loadApiConfig } from './config';
import { can, defaultAccessSettings, resolveActor } from './domain/access';

describe('the access policy setting (ZAAKWERK_ACCESS_POLICY)', () => {
  it('gives the defaults when blank', () => {
    expect(loadApiConfig({}).access).toEqual(defaultAccessSettings);
    expect(loadApiConfig({ ZAAKWERK_ACCESS_POLICY: ' ' }).access).toEqual(defaultAccessSettings);
  });

  it('overrides only what it names, and the policy follows it', () => {
    const access = loadApiConfig({
      ZAAKWERK_ACCESS_POLICY: JSON.stringify({
        globalRoles: { administrator: { caseRole: 'reader', maxConfidentiality: 'intern' } },
        caseGrantMaxConfidentiality: 'vertrouwelijk',
      }),
    }).access;
    expect(access.globalRoles.administrator).toEqual({
      caseRole: 'reader',
      maxConfidentiality: 'intern',
      register: false,
      readAccessLog: false,
    });
    expect(access.globalRoles.auditor).toEqual(defaultAccessSettings.globalRoles.auditor);
    expect(access.caseGrantMaxConfidentiality).toBe('vertrouwelijk');
    const admin = resolveActor(
      { id: 'a', name: 'A', roles: ['administrator'], groups: [] },
      [{ key: 'k', confidentiality: 'intern', access: [] }],
      access,
      '',
    );
    const onCase = {
      kind: 'case' as const,
      case: { caseType: { key: 'k' }, confidentiality: 'intern' as const, assignee: null },
    };
    expect(can(admin, 'case.read', onCase)).toBe(true);
  });

  it.each([
    ['not JSON', '{roles'],
    ['an unknown role', '{"globalRoles":{"superuser":{"register":true}}}'],
    ['an unknown level', '{"caseGrantMaxConfidentiality":"topgeheim"}'],
    ['an unknown field', '{"globalRoles":{"auditor":{"delete":true}}}'],
  ])('stops start-up naming the setting for %s', (_what, value) => {
    expect(() => loadApiConfig({ ZAAKWERK_ACCESS_POLICY: value })).toThrow(/ZAAKWERK_ACCESS_POLICY/);
  });
});
