import { ConfidentialClientApplication, ProtocolMode, type Configuration } from '@azure/msal-node';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { demoTenant, passwordGrantToken, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';

jest.setTimeout(60_000);

let stack: M365TestStack;
beforeAll(async () => {
  stack = await startM365TestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** MSAL pointed at the local authority exactly as the bot and the API will be configured locally. */
function confidentialClient(clientId: string, clientSecret: string): ConfidentialClientApplication {
  const config: Configuration = {
    auth: {
      clientId,
      clientSecret,
      authority: stack.m365.issuer,
      knownAuthorities: [new URL(stack.m365.url).host],
    },
    // msal-node 7 (like msal-browser 5) takes protocolMode under `system`, not `auth`.
    system: { protocolMode: ProtocolMode.OIDC },
  };
  return new ConfidentialClientApplication(config);
}

async function jwksFromDiscovery(): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const discovery = (await (await fetch(`${stack.m365.issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
  return createRemoteJWKSet(new URL(discovery.jwks_uri));
}

describe('@azure/msal-node against the local Microsoft 365', () => {
  it('gets the bot an app-only token for the API whose roles contain Zaakwerk.Bot.ActAsUser', async () => {
    const bot = confidentialClient(demoTenant.botApp.clientId, demoTenant.botApp.clientSecret);
    const result = await bot.acquireTokenByClientCredential({ scopes: [`${demoTenant.apiApp.appIdUri}/.default`] });
    expect(result?.accessToken).toBeTruthy();
    const { payload, protectedHeader } = await jwtVerify(result!.accessToken, await jwksFromDiscovery(), {
      issuer: stack.m365.issuer,
      audience: demoTenant.apiApp.clientId,
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) as string });
    expect(payload.roles).toContain('Zaakwerk.Bot.ActAsUser');
    expect(payload).toMatchObject({
      idtyp: 'app',
      azp: demoTenant.botApp.clientId,
      appid: demoTenant.botApp.clientId,
      oid: demoTenant.botApp.servicePrincipalId,
      tid: demoTenant.tenantId,
      ver: '2.0',
    });
    expect(payload).not.toHaveProperty('scp');
    expect((payload.exp ?? 0) - (payload.nbf ?? 0)).toBe(3600);
  });

  it('gets an app-only Graph token with the Graph application permissions', async () => {
    const api = confidentialClient(demoTenant.apiApp.clientId, demoTenant.apiApp.clientSecret);
    const result = await api.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const claims = decodeJwt(result!.accessToken);
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.roles).toEqual(
      expect.arrayContaining(['User.Read.All', 'Group.Read.All', 'Files.ReadWrite.All', 'Sites.ReadWrite.All']),
    );
  });

  it('rejects a wrong client secret with invalid_client', async () => {
    const impostor = confidentialClient(demoTenant.botApp.clientId, 'not-the-secret');
    await expect(
      impostor.acquireTokenByClientCredential({ scopes: [`${demoTenant.apiApp.appIdUri}/.default`] }),
    ).rejects.toMatchObject({ errorCode: 'invalid_client' });
  });

  it('signs a persona in with the password grant (test automation) and gives API tokens with roles and groups', async () => {
    const api = confidentialClient(demoTenant.apiApp.clientId, demoTenant.apiApp.clientSecret);
    const result = await api.acquireTokenByUsernamePassword({
      username: 'coordinator@zaakwerk.test',
      password: 'dev',
      scopes: [`${demoTenant.apiApp.appIdUri}/access_as_user`],
    });
    expect(result?.account?.username).toBe('coordinator@zaakwerk.test');
    const { payload } = await jwtVerify(result!.accessToken, await jwksFromDiscovery(), {
      issuer: stack.m365.issuer,
      audience: demoTenant.apiApp.clientId,
    });
    const coordinator = demoTenant.personas.find((p) => p.login === 'coordinator')!;
    expect(payload).toMatchObject({
      iss: stack.m365.issuer,
      aud: demoTenant.apiApp.clientId,
      tid: demoTenant.tenantId,
      oid: coordinator.id,
      scp: 'access_as_user',
      roles: ['Zaakwerk.Coordinator'],
      name: 'Fatima El Amrani',
      preferred_username: 'coordinator@zaakwerk.test',
      ver: '2.0',
    });
    expect(payload.groups).toEqual(
      expect.arrayContaining(['a1b2c3d4-0001-4000-8000-000000000001', 'a1b2c3d4-0002-4000-8000-000000000002']),
    );
    expect(payload.exp! > payload.nbf!).toBe(true);
    await expect(
      api.acquireTokenByUsernamePassword({
        username: 'coordinator@zaakwerk.test',
        password: 'wrong',
        scopes: [`${demoTenant.apiApp.appIdUri}/access_as_user`],
      }),
    ).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      errorMessage: expect.stringContaining('AADSTS50126') as string,
    });
  });

  it('exchanges a persona token on behalf of the user for a Graph token for the same user', async () => {
    const userToken = await passwordGrantToken(
      stack.m365,
      'behandelaar',
      'dev',
      `${demoTenant.apiApp.appIdUri}/access_as_user openid profile`,
    );
    const api = confidentialClient(demoTenant.apiApp.clientId, demoTenant.apiApp.clientSecret);
    const result = await api.acquireTokenOnBehalfOf({
      oboAssertion: userToken,
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const { payload } = await jwtVerify(result!.accessToken, await jwksFromDiscovery(), {
      issuer: stack.m365.issuer,
      audience: 'https://graph.microsoft.com',
    });
    expect(payload).toMatchObject({
      oid: demoTenant.personas[0].id,
      tid: demoTenant.tenantId,
      name: 'Sanne de Vries',
      preferred_username: 'behandelaar@zaakwerk.test',
      upn: 'behandelaar@zaakwerk.test',
      azp: demoTenant.apiApp.clientId,
    });
    expect(String(payload.scp).split(' ')).toEqual(
      expect.arrayContaining(['User.Read', 'Files.ReadWrite.All', 'Sites.ReadWrite.All']),
    );

    const me = await fetch(`${stack.m365.graphBaseUrl}/v1.0/me`, { headers: { Authorization: `Bearer ${result!.accessToken}` } });
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Sanne de Vries');
  });

  it('refuses on-behalf-of for an assertion addressed to another audience, and for an app-only assertion', async () => {
    const graphToken = await passwordGrantToken(stack.m365, 'behandelaar', 'dev', 'User.Read');
    const api = confidentialClient(demoTenant.apiApp.clientId, demoTenant.apiApp.clientSecret);
    await expect(api.acquireTokenOnBehalfOf({ oboAssertion: graphToken, scopes: ['User.Read'] })).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      errorMessage: expect.stringContaining('Assertion audience does not match') as string,
    });

    const bot = confidentialClient(demoTenant.botApp.clientId, demoTenant.botApp.clientSecret);
    const appToken = (await bot.acquireTokenByClientCredential({ scopes: [`${demoTenant.apiApp.appIdUri}/.default`] }))!
      .accessToken;
    await expect(api.acquireTokenOnBehalfOf({ oboAssertion: appToken, scopes: ['User.Read'] })).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      errorMessage: expect.stringContaining('app-only token') as string,
    });
  });
});
