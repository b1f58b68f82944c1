import { loadDevStackSettings } from './settings';

describe('dev stack settings', () => {
  it('defaults to the documented ports and every service', () => {
    const s = loadDevStackSettings({ ZAAKWERK_LOCAL_DIR: '/tmp/zw' });
    expect(s.ports).toEqual({
      blob: 10000,
      queue: 10001,
      table: 10002,
      m365: 5443,
      api: 7071,
      bot: 3978,
      playground: 56150,
      tab: 53000,
      addin: 3000,
    });
    expect(s.services).toEqual(['azurite', 'm365', 'api', 'bot', 'playground', 'tab', 'addin']);
    expect(s.dataDir).toBe('/tmp/zw/data');
    expect(s.endpointsFile).toBe('/tmp/zw/endpoints.json');
    expect(s.seed).toBe(true);
  });

  it('names every malformed setting in one message', () => {
    expect(() =>
      loadDevStackSettings({ ZAAKWERK_API_PORT: 'abc', ZAAKWERK_TAB_PORT: '70000', ZAAKWERK_STACK_SERVICES: 'tab,portal' }),
    ).toThrow(/ZAAKWERK_API_PORT[\s\S]*ZAAKWERK_TAB_PORT[\s\S]*ZAAKWERK_STACK_SERVICES: unknown service\(s\) portal/);
  });

  it('always runs storage, identity and the API under a chosen subset', () => {
    expect(loadDevStackSettings({ ZAAKWERK_STACK_SERVICES: 'tab' }).services).toEqual(['azurite', 'm365', 'api', 'tab']);
  });

  it('accepts port 0 as "pick a free port"', () => {
    expect(loadDevStackSettings({ ZAAKWERK_API_PORT: '0' }).ports.api).toBe(0);
  });
});
