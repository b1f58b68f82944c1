import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { demoTenant, personaUpn } from '../m365/demo-tenant';

/** What `npm start` writes to .local/endpoints.json for scripts and tests. */
export interface StackEndpoints {
  api: string;
  bot: string | null;
  playground: string | null;
  tab: string | null;
  addin: string | null;
  /** OpenID Connect issuer base; scripts read `${authority}/.well-known/openid-configuration`. */
  authority: string;
  graph: string;
  storage: { connectionString: string };
  tenantId: string;
  apiClientId: string;
  apiScope: string;
  personas: Array<{ login: string; upn: string; password: string; displayName: string; id: string }>;
}

export const demoPersonas = (): StackEndpoints['personas'] =>
  demoTenant.personas.map((p) => ({
    login: p.login,
    upn: personaUpn(p),
    password: demoTenant.password,
    displayName: p.displayName,
    id: p.id,
  }));

/** Writes atomically, so a reader polling for the file never sees half of it. */
export async function writeEndpoints(path: string, endpoints: StackEndpoints): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(endpoints, null, 2) + '\n');
  await rename(tmp, path);
}

/** The banner printed once everything answers. */
export function banner(e: StackEndpoints): string {
  const row = (label: string, value: string | null) => (value ? `  ${label.padEnd(28)} ${value}\n` : '');
  const personas = e.personas.map((p) => `  ${p.upn.padEnd(34)} ${p.displayName}`).join('\n');
  return (
    `\nZaakwerk draait lokaal / Zaakwerk is running locally\n\n` +
    row('Teams-tab / tab', e.tab) +
    row('Outlook-invoegtoepassing', e.addin && `${e.addin}/taskpane.html`) +
    row('API', e.api) +
    row('OpenAPI', `${e.api}/openapi.json`) +
    row('Bot', e.bot) +
    row('Agents Playground', e.playground) +
    row('Lokale Microsoft 365 (OIDC)', e.authority) +
    row('Lokale Graph', e.graph) +
    `\nAanmelden als / sign in as (wachtwoord / password: ${e.personas[0]?.password ?? 'dev'}):\n${personas}\n\n` +
    `Stoppen / stop: Ctrl-C\n`
  );
}
