import { appAccessTokenClaims, clientInfo, idTokenClaims, pairwiseSubject, userAccessTokenClaims } from './claims';

const user = {
  id: 'b0000001-5a1e-4d2c-9f00-000000000001',
  displayName: 'Sanne de Vries',
  userPrincipalName: 'behandelaar@zaakwerk.test',
  givenName: 'Sanne',
  surname: 'de Vries',
};
const common = { issuer: 'https://localhost:5443/tid/v2.0', tenantId: 'tid', now: 1_700_000_000 };

describe('token claims', () => {
  it('shape a delegated API token like an Entra v2 access token', () => {
    const claims = userAccessTokenClaims({
      ...common,
      audience: 'api-client-id',
      user,
      clientId: 'api-client-id',
      clientAuthenticated: false,
      scopes: ['access_as_user'],
      roles: ['Zaakwerk.Coordinator'],
      groups: ['g1', 'g2'],
    });
    expect(claims).toMatchObject({
      iss: common.issuer,
      aud: 'api-client-id',
      tid: 'tid',
      oid: user.id,
      name: 'Sanne de Vries',
      preferred_username: 'behandelaar@zaakwerk.test',
      scp: 'access_as_user',
      roles: ['Zaakwerk.Coordinator'],
      groups: ['g1', 'g2'],
      azp: 'api-client-id',
      azpacr: '0',
      ver: '2.0',
      iat: common.now,
      nbf: common.now,
      exp: common.now + 3600,
    });
  });

  it('leave roles and groups out when the user has none, as Entra does', () => {
    const claims = userAccessTokenClaims({
      ...common,
      audience: 'a',
      user,
      clientId: 'c',
      clientAuthenticated: true,
      scopes: ['User.Read'],
      roles: [],
      groups: [],
    });
    expect(claims).not.toHaveProperty('roles');
    expect(claims).not.toHaveProperty('groups');
    expect(claims).not.toHaveProperty('upn');
    expect(claims.azpacr).toBe('1');
  });

  it('give app-only tokens roles, idtyp app and the service principal as oid and sub, but no scp', () => {
    const claims = appAccessTokenClaims({
      ...common,
      audience: 'api-client-id',
      clientId: 'bot-id',
      servicePrincipalId: 'sp-id',
      roles: ['Zaakwerk.Bot.ActAsUser'],
    });
    expect(claims).toMatchObject({
      aud: 'api-client-id',
      azp: 'bot-id',
      appid: 'bot-id',
      idtyp: 'app',
      oid: 'sp-id',
      sub: 'sp-id',
      roles: ['Zaakwerk.Bot.ActAsUser'],
    });
    expect(claims).not.toHaveProperty('scp');
  });

  it('address ID tokens to the client and carry the nonce of the request', () => {
    const claims = idTokenClaims({ ...common, clientId: 'spa-id', user, nonce: 'n-123' });
    expect(claims).toMatchObject({
      aud: 'spa-id',
      nonce: 'n-123',
      oid: user.id,
      tid: 'tid',
      preferred_username: user.userPrincipalName,
      ver: '2.0',
    });
    expect(claims.sub).toBe(pairwiseSubject(user.id, 'spa-id'));
  });

  it('make sub stable per user and application, and different across applications', () => {
    expect(pairwiseSubject(user.id, 'app-a')).toBe(pairwiseSubject(user.id, 'app-a'));
    expect(pairwiseSubject(user.id, 'app-a')).not.toBe(pairwiseSubject(user.id, 'app-b'));
  });

  it('encode client_info as base64url JSON with uid and utid', () => {
    expect(JSON.parse(Buffer.from(clientInfo('oid-1', 'tid-1'), 'base64url').toString('utf8'))).toEqual({
      uid: 'oid-1',
      utid: 'tid-1',
    });
  });
});
