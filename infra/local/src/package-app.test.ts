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
