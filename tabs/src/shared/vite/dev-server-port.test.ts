import { devServerPort } from './dev-server-port';

describe('devServerPort', () => {
  it('uses the default when the variable is unset or empty', () => {
    expect(devServerPort({}, 'ZAAKWERK_TAB_PORT', 53000)).toBe(53000);
    expect(devServerPort({ ZAAKWERK_TAB_PORT: ' ' }, 'ZAAKWERK_TAB_PORT', 53000)).toBe(53000);
  });

  it('reads the port from the variable', () => {
    expect(devServerPort({ ZAAKWERK_ADDIN_PORT: '3100' }, 'ZAAKWERK_ADDIN_PORT', 3000)).toBe(3100);
  });

  it('names the variable when the value is not a port number', () => {
    expect(() => devServerPort({ ZAAKWERK_ADDIN_PORT: 'abc' }, 'ZAAKWERK_ADDIN_PORT', 3000)).toThrow(
      "ZAAKWERK_ADDIN_PORT must be a port number, got 'abc'",
    );
    expect(() => devServerPort({ ZAAKWERK_TAB_PORT: '70000' }, 'ZAAKWERK_TAB_PORT', 53000)).toThrow(/ZAAKWERK_TAB_PORT/);
    expect(() => devServerPort({ ZAAKWERK_TAB_PORT: '80.5' }, 'ZAAKWERK_TAB_PORT', 53000)).toThrow(/ZAAKWERK_TAB_PORT/);
  });
});
