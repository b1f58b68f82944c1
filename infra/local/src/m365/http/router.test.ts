import { createRouter } from './router';

describe('the router', () => {
  const handler = jest.fn();
  const router = createRouter()
    .on('GET', '/{tenant}/discovery/v2.0/keys', handler)
    .on(['GET', 'PUT'], '/graph/v1.0/drives/{driveId}/{*rest}', handler);

  it('matches segments and decodes their parameters', () => {
    expect(router.match('GET', '/t%201/discovery/v2.0/keys')).toEqual({ kind: 'found', handler, params: { tenant: 't 1' } });
  });

  it('lets a rest parameter span several segments', () => {
    const match = router.match('PUT', '/graph/v1.0/drives/b!x/root:/A/b.txt:/content');
    expect(match.kind === 'found' && match.params).toEqual({ driveId: 'b!x', rest: 'root:/A/b.txt:/content' });
  });

  it('treats dots in a pattern literally', () => {
    expect(router.match('GET', '/t/discoveryXv2.0/keys').kind).toBe('not-found');
  });

  it('tells a wrong method apart from an unknown path', () => {
    expect(router.match('DELETE', '/t/discovery/v2.0/keys')).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
    expect(router.match('GET', '/nothing')).toEqual({ kind: 'not-found' });
  });
});
