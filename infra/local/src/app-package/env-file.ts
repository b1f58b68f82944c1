import { demoTenant } from '../m365/demo-tenant';

/**
 * Parses an Agents Toolkit environment file (`env/.env.<name>`): `KEY=value` lines, `#` comments,
 * optional single or double quotes around the value. Later keys win, as in dotenv.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new Error(`line ${index + 1} is not KEY=value: '${rawLine}'`);
    const [, key = '', rawValue = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    values[key] = quoted ? (quoted[2] ?? '') : rawValue.replace(/\s+#.*$/, '');
  }
  return values;
}

/**
 * What the `local` environment means when env/.env.local does not exist (it is git-ignored): the demo
 * tenant of the local Microsoft 365 and the dev stack's default ports. Only for packaging and tests:
 * a package built from these values is never uploaded to a real tenant.
 */
export const localEnvDefaults: Readonly<Record<string, string>> = {
  TEAMSFX_ENV: 'local',
  APP_NAME_SUFFIX: ' (lokaal)',
  TEAMS_APP_ID: 'c6f2a1d4-8e3b-4b7a-9c5d-2e1f0a3b4c5d',
  AAD_APP_CLIENT_ID: demoTenant.apiApp.clientId,
  BOT_ID: demoTenant.botApp.clientId,
  BOT_DOMAIN: 'localhost:3978',
  TAB_ENDPOINT: 'http://localhost:53000',
  // The app id URI of the demo API app is api://localhost/<client id>, so the tab "domain" is localhost.
  TAB_DOMAIN: 'localhost',
  ADDIN_ENDPOINT: 'http://localhost:3000',
  ADDIN_DOMAIN: 'localhost',
};
