import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDependencies } from '../composition-root';
import { loadApiConfig } from '../config';
import { authorizationMatrixMarkdown } from './authorization-matrix';
import { endpointAccess } from './endpoint-access';
import { createEndpoints } from './endpoints';
import { policies } from './policies';

const endpoints = createEndpoints(createDependencies(loadApiConfig({})));

describe('the authorization matrix', () => {
  it.each(endpoints.map((endpoint) => [endpoint.name]))('has a row for endpoint %s in endpointAccess', (name) => {
    expect(endpointAccess[name]).toBeDefined();
  });

  it('names no endpoint that the endpoint table does not have', () => {
    const names = new Set(endpoints.map((endpoint) => endpoint.name));
    expect(Object.keys(endpointAccess).filter((name) => !names.has(name))).toEqual([]);
  });

  it('marks exactly the endpoints without a token as public', () => {
    const publicByPolicy = endpoints.filter((e) => e.policy === policies.public).map((e) => e.name);
    const publicByAccess = endpoints.filter((e) => endpointAccess[e.name]?.on === 'public').map((e) => e.name);
    expect(publicByAccess).toEqual(publicByPolicy);
  });

  it('is published as docs/authorization-matrix.md exactly as generated (npm run authz:matrix)', () => {
    const published = readFileSync(join(__dirname, '../../../docs/authorization-matrix.md'), 'utf8');
    expect(published).toBe(authorizationMatrixMarkdown(endpoints));
  });
});
