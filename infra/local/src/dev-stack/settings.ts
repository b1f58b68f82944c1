import { join, resolve } from 'node:path';
import { z } from 'zod';
import { localDir } from '../local-dir';

/** Every service the dev stack can run; tests pick a subset through ZAAKWERK_STACK_SERVICES. */
export const stackServices = ['azurite', 'm365', 'api', 'bot', 'playground', 'tab', 'addin'] as const;
export type StackService = (typeof stackServices)[number];

const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `must be a port number (0-65535), got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const schema = z.object({
  ZAAKWERK_AZURITE_BLOB_PORT: port(10000),
  ZAAKWERK_AZURITE_QUEUE_PORT: port(10001),
  ZAAKWERK_AZURITE_TABLE_PORT: port(10002),
  ZAAKWERK_M365_PORT: port(5443),
  ZAAKWERK_API_PORT: port(7071),
  ZAAKWERK_BOT_PORT: port(3978),
  ZAAKWERK_PLAYGROUND_PORT: port(56150),
  ZAAKWERK_TAB_PORT: port(53000),
  ZAAKWERK_ADDIN_PORT: port(3000),
  ZAAKWERK_DATA_DIR: z.string().optional(),
  ZAAKWERK_ENDPOINTS_FILE: z.string().optional(),
  ZAAKWERK_STACK_SERVICES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [...stackServices];
      const names = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !(stackServices as readonly string[]).includes(n));
      if (unknown.length) {
        ctx.addIssue({ code: 'custom', message: `unknown service(s) ${unknown.join(', ')}; known: ${stackServices.join(', ')}` });
        return z.NEVER;
      }
      // Storage, identity and the API are what every other service stands on.
      return [...new Set<StackService>(['azurite', 'm365', 'api', ...(names as StackService[])])];
    }),
  ZAAKWERK_STACK_SEED: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
});

export interface DevStackSettings {
  ports: {
    blob: number;
    queue: number;
    table: number;
    m365: number;
    api: number;
    bot: number;
    playground: number;
    tab: number;
    addin: number;
  };
  localDir: string;
  dataDir: string;
  endpointsFile: string;
  services: StackService[];
  seed: boolean;
}

/** Reads the dev stack's settings; a malformed one stops start-up with a message naming it. */
export function loadDevStackSettings(env: NodeJS.ProcessEnv = process.env): DevStackSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid dev stack settings:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const local = localDir(env);
  return {
    ports: {
      blob: s.ZAAKWERK_AZURITE_BLOB_PORT,
      queue: s.ZAAKWERK_AZURITE_QUEUE_PORT,
      table: s.ZAAKWERK_AZURITE_TABLE_PORT,
      m365: s.ZAAKWERK_M365_PORT,
      api: s.ZAAKWERK_API_PORT,
      bot: s.ZAAKWERK_BOT_PORT,
      playground: s.ZAAKWERK_PLAYGROUND_PORT,
      tab: s.ZAAKWERK_TAB_PORT,
      addin: s.ZAAKWERK_ADDIN_PORT,
    },
    localDir: local,
    dataDir: s.ZAAKWERK_DATA_DIR ? resolve(s.ZAAKWERK_DATA_DIR) : join(local, 'data'),
    endpointsFile: s.ZAAKWERK_ENDPOINTS_FILE ? resolve(s.ZAAKWERK_ENDPOINTS_FILE) : join(local, 'endpoints.json'),
    services: s.ZAAKWERK_STACK_SERVICES,
    seed: s.ZAAKWERK_STACK_SEED,
  };
}

/** The environment variable that sets each port, for messages about busy ports. */
export const portSetting: Record<keyof DevStackSettings['ports'], string> = {
  blob: 'ZAAKWERK_AZURITE_BLOB_PORT',
  queue: 'ZAAKWERK_AZURITE_QUEUE_PORT',
  table: 'ZAAKWERK_AZURITE_TABLE_PORT',
  m365: 'ZAAKWERK_M365_PORT',
  api: 'ZAAKWERK_API_PORT',
  bot: 'ZAAKWERK_BOT_PORT',
  playground: 'ZAAKWERK_PLAYGROUND_PORT',
  tab: 'ZAAKWERK_TAB_PORT',
  addin: 'ZAAKWERK_ADDIN_PORT',
};
