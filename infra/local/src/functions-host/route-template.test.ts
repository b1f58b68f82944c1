import { comparePrecedence, compileRouteTemplate } from './route-template';

describe('route templates', () => {
  it('matches literal segments case-insensitively, with or without a trailing slash', () => {
    const route = compileRouteTemplate('v1/health');
    expect(route.match('/v1/health')).toEqual({});
    expect(route.match('/V1/Health/')).toEqual({});
    expect(route.match('/v1/healthz')).toBeNull();
    expect(route.match('/v1/health/x')).toBeNull();
  });

  it('captures and decodes parameters', () => {
    expect(compileRouteTemplate('v1/cases/{id}/tasks/{taskId}').match('/v1/cases/ZAAK%202026/tasks/7')).toEqual({
      id: 'ZAAK 2026',
      taskId: '7',
    });
  });

  it('makes an optional parameter segment optional', () => {
    const route = compileRouteTemplate('v1/items/{id?}');
    expect(route.match('/v1/items')).toEqual({});
    expect(route.match('/v1/items/5')).toEqual({ id: '5' });
  });

  it('fills defaults', () => {
    expect(compileRouteTemplate('v1/pages/{page=1}').match('/v1/pages')).toEqual({ page: '1' });
  });

  it('checks int, guid and alpha constraints and tolerates unknown ones', () => {
    expect(compileRouteTemplate('v1/n/{id:int}').match('/v1/n/42')).toEqual({ id: '42' });
    expect(compileRouteTemplate('v1/n/{id:int}').match('/v1/n/abc')).toBeNull();
    expect(compileRouteTemplate('v1/g/{id:guid}').match('/v1/g/0c6f6a2e-0001-4d2a-9b1e-5a0000000101')).not.toBeNull();
    expect(compileRouteTemplate('v1/g/{id:guid}').match('/v1/g/42')).toBeNull();
    expect(compileRouteTemplate('v1/a/{name:alpha}').match('/v1/a/abc1')).toBeNull();
    expect(compileRouteTemplate('v1/m/{name:minlength(3)}').match('/v1/m/ab')).toEqual({ name: 'ab' });
  });

  it('captures the rest of the path in a catch-all, slashes included, and allows it to be empty', () => {
    const route = compileRouteTemplate('v1/{*path}');
    expect(route.match('/v1/a/b/c')).toEqual({ path: 'a/b/c' });
    expect(route.match('/v1')).toEqual({});
    expect(route.match('/v2/a')).toBeNull();
  });

  it('refuses a catch-all that is not last', () => {
    expect(() => compileRouteTemplate('v1/{*path}/x')).toThrow(/catch-all must be last/);
  });

  it('ranks literals before parameters before catch-alls', () => {
    const routes = ['v1/{*path}', 'v1/cases/{id}', 'v1/cases/mine', 'v1/cases/{id:int}'].map(compileRouteTemplate);
    expect([...routes].sort(comparePrecedence).map((r) => r.template)).toEqual([
      'v1/cases/mine',
      'v1/cases/{id:int}',
      'v1/cases/{id}',
      'v1/{*path}',
    ]);
  });
});
