import { parseEnvFile } from './env-file';
import { fillJsonPlaceholders, placeholdersIn } from './placeholders';

describe('parseEnvFile', () => {
  it('reads KEY=value lines and skips comments and blank lines', () => {
    expect(parseEnvFile('# comment\nTEAMSFX_ENV=dev\n\nTAB_ENDPOINT=https://x.example\n')).toEqual({
      TEAMSFX_ENV: 'dev',
      TAB_ENDPOINT: 'https://x.example',
    });
  });

  it('keeps empty values (provision fills them later)', () => {
    expect(parseEnvFile('TEAMS_APP_ID=\n')).toEqual({ TEAMS_APP_ID: '' });
  });

  it('unquotes values and drops trailing comments of unquoted ones', () => {
    expect(parseEnvFile(`A="with # hash"\nB='x'\nC=value # note`)).toEqual({ A: 'with # hash', B: 'x', C: 'value' });
  });

  it('names the line that is not KEY=value', () => {
    expect(() => parseEnvFile('OK=1\nthis is wrong')).toThrow('line 2');
  });
});

describe('fillJsonPlaceholders', () => {
  it('fills ${{NAME}} and lists the ones without a value', () => {
    const result = fillJsonPlaceholders('{"a":"${{ONE}}","b":"${{TWO}}","c":"${{ONE}}"}', { ONE: 'x', TWO: '' });
    expect(result.text).toBe('{"a":"x","b":"${{TWO}}","c":"x"}');
    expect(result.missing).toEqual(['TWO']);
  });

  it('escapes values so the JSON stays valid', () => {
    const { text } = fillJsonPlaceholders('{"name":"${{NAME}}"}', { NAME: 'Zaak "werk" \\ test' });
    expect(JSON.parse(text)).toEqual({ name: 'Zaak "werk" \\ test' });
  });

  it('lists each placeholder once', () => {
    expect(placeholdersIn('${{B}} ${{A}} ${{ B }}')).toEqual(['A', 'B']);
  });
});
