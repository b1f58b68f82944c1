import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The Bicep CLI cannot be installed offline (it downloads a .NET binary), so the templates are not
// compiled here. These checks hold the structure to what the design promises; see infra/azure/README.md.
const dir = resolve(__dirname, '../../infra/azure');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const main = read('main.bicep');
const modules = readdirSync(join(dir, 'modules')).filter((f) => f.endsWith('.bicep'));
const all = [main, ...modules.map((m) => read(`modules/${m}`))].join('\n');

/** `param name type` declarations with their decorators and default (if any). */
function params(source: string) {
  const lines = source.split('\n');
  return lines.flatMap((line, i) => {
    const match = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line.trim());
    if (!match) return [];
    const decorators = [];
    for (let j = i - 1; j >= 0 && (lines[j] ?? '').trim().startsWith('@'); j--) decorators.push((lines[j] ?? '').trim());
    return [{ name: match[1] ?? '', type: match[2] ?? '', hasDefault: match[3] !== undefined, decorators }];
  });
}

describe('infra/azure Bicep (structure; not compiled offline)', () => {
  it('documents every parameter of main.bicep in the README', () => {
    const readme = read('README.md');
    const undocumented = params(main).filter((p) => !readme.includes(`| \`${p.name}\` |`));
    expect(undocumented.map((p) => p.name)).toEqual([]);
  });

  it('supplies every required parameter in main.parameters.json and nothing unknown', () => {
    const supplied = Object.keys((JSON.parse(read('main.parameters.json')) as { parameters: object }).parameters);
    const declared = params(main);
    expect(declared.filter((p) => !p.hasDefault && !supplied.includes(p.name)).map((p) => p.name)).toEqual([]);
    expect(supplied.filter((s) => !declared.some((p) => p.name === s))).toEqual([]);
  });

  it('marks secret parameters @secure() and never outputs them', () => {
    const secrets = params(all).filter((p) => /secret/i.test(p.name));
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    for (const p of secrets)
      expect({ param: p.name, secure: p.decorators.includes('@secure()') }).toEqual({ param: p.name, secure: true });
    expect(all).not.toMatch(/^output \w+ \w+ = .*secret/im);
  });

  it('refers only to modules that exist', () => {
    const referenced = [...all.matchAll(/^module \w+ '([^']+)'/gm)].map((m) => m[1] ?? '');
    expect(referenced.length).toBeGreaterThan(5);
    for (const path of referenced) expect({ path, exists: existsSync(join(dir, path)) }).toEqual({ path, exists: true });
  });

  it('uses no account keys or connection strings with keys', () => {
    expect(all).not.toMatch(/listKeys\(|listkeys\(|AccountKey=|primaryKey|SharedAccessKey/i);
    expect(read('modules/storage.bicep')).toMatch(/allowSharedKeyAccess: false/);
    expect(read('modules/storage.bicep')).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(read('modules/monitoring.bicep')).toMatch(/DisableLocalAuth: true/);
  });

  it('gives every Function app a system-assigned identity and identity-based host storage', () => {
    const functionApp = read('modules/function-app.bicep');
    const sites = functionApp.split(/^resource /m).filter((block) => block.includes("'Microsoft.Web/sites@"));
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatch(/identity: \{ type: 'SystemAssigned' \}/);
    expect(functionApp).toMatch(/AzureWebJobsStorage__accountName: storageAccountName/);
    expect(functionApp).toMatch(/authentication: \{ type: 'SystemAssignedIdentity' \}/);
    expect(functionApp).toMatch(/tier: 'FlexConsumption'/);
    expect(functionApp).not.toMatch(/AzureWebJobsStorage:/);
    expect([...main.matchAll(/module \w+ 'modules\/function-app\.bicep'/g)]).toHaveLength(2);
  });

  it('grants each identity the storage, Key Vault and telemetry roles', () => {
    const access = read('modules/identity-access.bicep');
    for (const role of [
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
      '4633458b-17de-408a-b874-0445c86b69e6',
    ]) {
      expect(access).toContain(role);
    }
    expect([...main.matchAll(/module \w+ 'modules\/identity-access\.bicep'/g)]).toHaveLength(2);
    expect(main).toMatch(/principalId: api\.outputs\.principalId/);
    expect(main).toMatch(/principalId: botApp\.outputs\.principalId/);
  });

  it('keeps Key Vault in RBAC mode and reads secrets through Key Vault references', () => {
    expect(read('modules/key-vault.bicep')).toMatch(/enableRbacAuthorization: true/);
    expect(main).toMatch(/ZAAKWERK_API_CLIENT_SECRET: apiSecretReference/);
    expect(main).toMatch(/ZAAKWERK_BOT_CLIENT_SECRET: botSecretReference/);
    expect(main).toMatch(/'@Microsoft\.KeyVault\(VaultName=\$\{keyVaultName\};SecretName=api-client-secret\)'/);
  });

  it('gives the API and the bot the ZAAKWERK_* settings their config modules read', () => {
    for (const setting of [
      'ZAAKWERK_ENV',
      'ZAAKWERK_STORAGE_ACCOUNT_NAME',
      'ZAAKWERK_TENANT_ID',
      'ZAAKWERK_AUTHORITY',
      'ZAAKWERK_API_CLIENT_ID',
      'ZAAKWERK_API_APP_ID_URI',
      'ZAAKWERK_GRAPH_BASE_URL',
      'ZAAKWERK_BOT_CLIENT_ID',
      'ZAAKWERK_ALLOWED_ORIGINS',
    ]) {
      expect(main).toMatch(new RegExp(`^\\s+${setting}: `, 'm'));
    }
    for (const setting of ['ZAAKWERK_BOT_CLIENT_SECRET', 'ZAAKWERK_API_BASE_URL'])
      expect(main).toMatch(new RegExp(`^\\s+${setting}: `, 'm'));
  });

  it('registers a single-tenant Azure Bot with the Microsoft Teams channel', () => {
    const bot = read('modules/bot.bicep');
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('hosts the tab and the add-in as static sites', () => {
    expect([...main.matchAll(/module \w+ 'modules\/static-site\.bicep'/g)]).toHaveLength(2);
  });

  it('configures documents in the API: site, library, upload limit with a host body limit above it, notifications only with their secret', () => {
    for (const setting of ['ZAAKWERK_DOCUMENTS_SITE_ID', 'ZAAKWERK_DOCUMENTS_LIBRARY', 'ZAAKWERK_DOCUMENT_MAX_BYTES'])
      expect(main).toMatch(new RegExp(`^\\s+${setting}: `, 'm'));
    expect(main).toMatch(/FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: string\(documentMaxBytes \+ \d+\)/);
    expect(main).toMatch(/empty\(graphNotificationUrl\) \|\| empty\(graphNotificationSecret\)/);
    expect(main).toMatch(/ZAAKWERK_GRAPH_CLIENT_STATE: graphClientStateReference/);
    expect(read('modules/key-vault.bicep')).toMatch(/'graph-client-state'/);
  });
});
