// strip-bom (a dependency of @microsoft/app-manifest) is ESM-only; Node 20.19 loads it with require(esm),
// jest 30 on Node 20 cannot. Until jest.config.js transforms it, this stand-in does what it does.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));
import { parseArgs } from './package-app';

describe('npm run package arguments', () => {
  it('defaults to the local environment', () => {
    expect(parseArgs([])).toEqual({ envName: 'local', writeIcons: false });
  });

  it('takes --env name and --env=name', () => {
    expect(parseArgs(['--env', 'dev']).envName).toBe('dev');
    expect(parseArgs(['--env=prod']).envName).toBe('prod');
  });

  it('rejects unknown arguments and a missing environment name', () => {
    expect(() => parseArgs(['--envv'])).toThrow('unknown argument');
    expect(() => parseArgs(['--env'])).toThrow('--env needs a name');
  });
});
