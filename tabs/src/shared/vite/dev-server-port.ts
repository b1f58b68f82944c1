/**
 * The port of a dev or preview server from its variable (ZAAKWERK_TAB_PORT, ZAAKWERK_ADDIN_PORT), or the
 * default. Accepts 0-65535 like the dev stack's settings for the same variables; anything else stops
 * start-up with a message naming the variable.
 */
export function devServerPort(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got '${raw}'`);
  return port;
}
