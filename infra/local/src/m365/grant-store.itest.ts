import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../azurite';
import { createGrantStore, type AuthorizationCodeGrant } from './grant-store';

jest.setTimeout(60_000);

let azurite: RunningAzurite;
let table: TableClient;
beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
  table = TableClient.fromConnectionString(azurite.connectionString, 'GrantStoreCheck', { allowInsecureConnection: true });
  await table.createTable();
});
afterAll(async () => {
  await azurite?.stop();
});

const grant: AuthorizationCodeGrant = {
  clientId: 'client',
  redirectUri: 'http://localhost:53000/',
  userId: 'user',
  scope: 'openid',
  codeChallenge: 'c'.repeat(43),
  authTime: 0,
};

describe('the grant store', () => {
  it('lets an authorization code be redeemed once, and only within its five minutes', async () => {
    let now = 1_000;
    const store = createGrantStore(table, () => now);
    const code = await store.issueCode(grant);
    const late = await store.issueCode(grant);

    expect(await store.redeemCode(code)).toEqual({ kind: 'ok', grant });
    expect(await store.redeemCode(code)).toEqual({ kind: 'already-redeemed' });
    now += 5 * 60 + 1;
    expect(await store.redeemCode(late)).toEqual({ kind: 'expired' });
    expect(await store.redeemCode('never-issued')).toEqual({ kind: 'unknown' });
  });

  it('leaves the code usable when the request is rejected before redemption', async () => {
    const store = createGrantStore(table);
    const code = await store.issueCode(grant);
    await expect(
      store.redeemCode(code, () => {
        throw new Error('wrong verifier');
      }),
    ).rejects.toThrow('wrong verifier');
    expect((await store.redeemCode(code)).kind).toBe('ok');
  });

  it('lets exactly one of many parallel redemptions of a refresh token win', async () => {
    const store = createGrantStore(table);
    const { token } = await store.issueRefreshToken({
      clientId: 'client',
      userId: 'user',
      scope: 'openid',
      authTime: 0,
      publicClient: true,
    });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => store.redeemRefreshToken(token)));
    expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already-redeemed')).toHaveLength(7);
  });

  it('keeps sign-in sessions until they are ended', async () => {
    const store = createGrantStore(table);
    const cookie = await store.createSession({ userId: 'user', authTime: 1, sid: 'sid-1' });
    expect(await store.getSession(cookie)).toEqual({ userId: 'user', authTime: 1, sid: 'sid-1' });
    await store.endSession(cookie);
    expect(await store.getSession(cookie)).toBeUndefined();
  });
});
