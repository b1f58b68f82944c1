import { devStorageAccount } from '../../infra/local/src/azurite';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { loadApiConfig, localDefaults } from '../../functions/src/config';
import { appRoleValues } from '../../functions/src/domain/roles';

// functions/ may not import infra/local (the dependency runs the other way), so the API's local
// defaults duplicate the demo tenant; these tests keep the two copies equal.
describe('the API’s local defaults', () => {
  it('equal the demo tenant of the local Microsoft 365', () => {
    expect(localDefaults.tenantId).toBe(demoTenant.tenantId);
    expect(localDefaults.apiClientId).toBe(demoTenant.apiApp.clientId);
    expect(localDefaults.apiAppIdUri).toBe(demoTenant.apiApp.appIdUri);
    expect(localDefaults.apiClientSecret).toBe(demoTenant.apiApp.clientSecret);
    expect(localDefaults.botClientId).toBe(demoTenant.botApp.clientId);
    expect(localDefaults.documentsSiteId).toBe(demoTenant.sharePoint.siteId);
    expect(localDefaults.documentsLibrary).toBe(demoTenant.sharePoint.driveName);
  });

  it('use the app role values the demo tenant assigns', () => {
    expect(Object.values(appRoleValues).sort()).toEqual(Object.values(demoTenant.appRoles).sort());
  });

  it('point at Azurite’s development account on its default ports', () => {
    expect(localDefaults.storageConnectionString).toContain(`AccountName=${devStorageAccount.name};`);
    expect(localDefaults.storageConnectionString).toContain(`AccountKey=${devStorageAccount.key};`);
    expect(localDefaults.storageConnectionString).toContain('TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;');
  });

  it('point at the local Microsoft 365 on its default port with Entra’s URL layout', () => {
    const config = loadApiConfig({});
    expect(config.identity.authority).toBe(`https://localhost:5443/${demoTenant.tenantId}/v2.0`);
    expect(config.graph.baseUrl).toBe('https://localhost:5443/graph');
  });
});
