import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { localDefaults as apiLocalDefaults } from '../../functions/src/config';
import { loadBotConfig, localDefaults, myWorkTabEntityId } from '../../bot/src/config';

// bot/ may not import infra/local (the dependency runs the other way), so the bot's local defaults
// duplicate the demo tenant; these tests keep the copies equal.
describe('the bot’s local defaults', () => {
  it('equal the demo tenant of the local Microsoft 365', () => {
    expect(localDefaults.tenantId).toBe(demoTenant.tenantId);
    expect(localDefaults.botClientId).toBe(demoTenant.botApp.clientId);
    expect(localDefaults.botClientSecret).toBe(demoTenant.botApp.clientSecret);
    expect(localDefaults.apiAppIdUri).toBe(demoTenant.apiApp.appIdUri);
  });

  it('name the same bot as the API’s defaults, so the API lets it act for users', () => {
    expect(localDefaults.botClientId).toBe(apiLocalDefaults.botClientId);
    expect(localDefaults.m365Origin).toBe(apiLocalDefaults.m365Origin);
  });

  it('ask the local Microsoft 365 for an app token for the API', () => {
    const config = loadBotConfig({});
    expect(config.api.msal.authority).toBe(`https://localhost:5443/${demoTenant.tenantId}/v2.0`);
    expect(config.api.scope).toBe(`${demoTenant.apiApp.appIdUri}/.default`);
  });

  it('link to the personal tab the app manifest declares', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../appPackage/manifest.json'), 'utf8')) as {
      staticTabs: Array<{ entityId: string }>;
    };
    expect(manifest.staticTabs.map((t) => t.entityId)).toContain(myWorkTabEntityId);
  });
});
