import { loadApiConfig } from '../config';
import { createDependencies } from '../composition-root';
import { documentedPaths } from '../contract/openapi';
import { createEndpoints } from './endpoints';
import { isKnownPolicy } from './policies';

const endpoints = createEndpoints(createDependencies(loadApiConfig({})));

describe('the endpoint table', () => {
  it.each(endpoints.map((e) => [e.name, e] as const))('%s declares a known authorization policy', (_name, endpoint) => {
    expect(isKnownPolicy(endpoint.policy)).toBe(true);
  });

  it('has unique function names', () => {
    const names = endpoints.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has no two endpoints answering the same method on the same route', () => {
    const pairs = endpoints.flatMap((e) => e.methods.map((m) => `${m} ${e.route}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('puts every route under v1/', () => {
    for (const endpoint of endpoints) expect(endpoint.route).toMatch(/^v1\//);
  });

  it('describes every concrete route in the OpenAPI document', () => {
    const concrete = endpoints.filter((e) => !e.route.includes('{*'));
    // Several methods on one route are separate endpoints (e.g. GET and POST /v1/case-types) but one path.
    expect([...new Set(concrete.map((e) => `/${e.route}`))].sort()).toEqual([...documentedPaths].sort());
  });
});
