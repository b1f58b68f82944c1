import { loadApiConfig } from '../config';
import { corsPreflightHeaders, corsResponseHeaders, isAllowedOrigin } from './cors';

const local = loadApiConfig({}).http;
const azure = { allowedOrigins: ['https://tab.zaakwerk.example.nl'], allowAnyLocalhostOrigin: false, maxJsonBodyBytes: 1024 };

describe('CORS', () => {
  it.each(['http://localhost:53000', 'https://localhost:53000', 'http://localhost:3000', 'http://localhost:41234'])(
    'allows %s locally',
    (origin) => {
      expect(isAllowedOrigin(origin, local)).toBe(true);
    },
  );

  it.each(['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example:80', 'null'])(
    'refuses %s locally',
    (origin) => {
      expect(isAllowedOrigin(origin, local)).toBe(false);
    },
  );

  it('allows only the configured origins in azure, not any localhost', () => {
    expect(isAllowedOrigin('https://tab.zaakwerk.example.nl', azure)).toBe(true);
    expect(isAllowedOrigin('http://localhost:53000', azure)).toBe(false);
  });

  it('echoes an allowed origin and exposes the correlation id', () => {
    expect(corsResponseHeaders('http://localhost:53000', local)).toMatchObject({
      'access-control-allow-origin': 'http://localhost:53000',
      'access-control-expose-headers': expect.stringContaining('x-correlation-id'),
      vary: 'Origin',
    });
  });

  it('adds no allow-origin for a foreign origin', () => {
    expect(corsResponseHeaders('https://evil.example', local)).toEqual({ vary: 'Origin' });
  });

  it('lets browsers send Authorization and If-Match but not the bot-only acting-user header', () => {
    const headers = corsPreflightHeaders('http://localhost:53000', local)['access-control-allow-headers'];
    expect(headers).toContain('Authorization');
    expect(headers).toContain('If-Match');
    expect(headers?.toLowerCase()).not.toContain('x-zaakwerk-acting-user');
  });
});
