import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startStack, type RunningStack } from './support/stack';
import { portInUse } from '../../infra/local/src/dev-stack/readiness';

const repo = resolve(__dirname, '../..');

describe('the dev stack (npm start)', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('writes every endpoint scripts need, with the OpenID Connect discovery document at the authority', async () => {
    const e = stack.endpoints;
    expect(e.api).toMatch(/^http:\/\/localhost:\d+\/api\/v1$/);
    expect(e.authority).toBe(`${new URL(e.authority).origin}/${e.tenantId}/v2.0`);
    expect(e.personas.map((p) => p.upn)).toEqual(
      expect.arrayContaining(['behandelaar@zaakwerk.test', 'coordinator@zaakwerk.test', 'adviseur@zaakwerk.test']),
    );
    const discovery = (await (await fetch(`${e.authority}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      token_endpoint: string;
    };
    expect(discovery.issuer).toBe(e.authority);
    expect(discovery.token_endpoint).toMatch(/^https:\/\/localhost:\d+\//);
  });

  it('answers health with every dependency up', async () => {
    const response = await fetch(`${stack.endpoints.api}/health`);
    const body = (await response.json()) as { status: string; dependencies: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(body.dependencies.storage?.status).toBe('up');
    expect(body.dependencies.identity?.status).toBe('up');
  });

  it('refuses a second start on the same data folder, saying one runs, without touching the first', async () => {
    const second = spawn(process.execPath, [join(repo, 'infra/local/dist/src/dev-stack/main.js')], {
      env: stack.env,
      stdio: 'pipe',
    });
    let text = '';
    second.stdout.on('data', (d: Buffer) => (text += d.toString()));
    second.stderr.on('data', (d: Buffer) => (text += d.toString()));
    const code = await new Promise<number | null>((r) => second.once('exit', r));
    expect(code).toBe(1);
    expect(text).toMatch(/Zaakwerk draait al/);
    expect((await fetch(`${stack.endpoints.api}/health`)).status).toBe(200);
  });

  it('stops every service on Ctrl-C', async () => {
    const apiPort = Number(new URL(stack.endpoints.api).port);
    const m365Port = Number(new URL(stack.endpoints.authority).port);
    await stack.stop();
    expect(await portInUse(apiPort)).toBe(false);
    expect(await portInUse(m365Port)).toBe(false);
  });
});

describe('the dev stack on a busy port', () => {
  it('stops before starting anything and names the setting that moves the port', async () => {
    const { createServer } = await import('node:net');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    const dir = await mkdtemp(join(tmpdir(), 'zw-busy-'));
    try {
      const ports = ['AZURITE_BLOB', 'AZURITE_QUEUE', 'AZURITE_TABLE', 'M365', 'BOT', 'PLAYGROUND', 'TAB', 'ADDIN'];
      const env = {
        ...process.env,
        ...Object.fromEntries(ports.map((p) => [`ZAAKWERK_${p}_PORT`, '0'])),
        ZAAKWERK_API_PORT: String(port),
        ZAAKWERK_DATA_DIR: join(dir, 'data'),
        ZAAKWERK_ENDPOINTS_FILE: join(dir, 'endpoints.json'),
      };
      const child = spawn(process.execPath, [join(repo, 'infra/local/dist/src/dev-stack/main.js')], { env, stdio: 'pipe' });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code).toBe(1);
      expect(text).toContain(`${port} (api): zet/set ZAAKWERK_API_PORT`);
    } finally {
      blocker.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
