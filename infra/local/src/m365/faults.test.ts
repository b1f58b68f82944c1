import { createFaultInjector, parseFaultRequest, type FaultRule } from './faults';

describe('fault injection', () => {
  it('fails exactly `count` matching requests, then lets requests through again', () => {
    const faults = createFaultInjector();
    faults.add(parseFaultRequest({ status: 429, retryAfterSeconds: 2, count: 2, pathPrefix: '/v1.0/users' }) as FaultRule);
    expect(faults.take('/graph/v1.0/me')).toBeUndefined();
    expect(faults.take('/graph/v1.0/users/abc')?.status).toBe(429);
    expect(faults.take('/graph/v1.0/users')?.retryAfterSeconds).toBe(2);
    expect(faults.take('/graph/v1.0/users')).toBeUndefined();
  });

  it('matches every Graph request when no prefix is given, and can be cleared', () => {
    const faults = createFaultInjector();
    faults.add(parseFaultRequest({ status: 503, count: 5 }) as FaultRule);
    expect(faults.take('/graph/v1.0/drives/x/root')?.status).toBe(503);
    faults.clear();
    expect(faults.take('/graph/v1.0/drives/x/root')).toBeUndefined();
  });

  it('lets `skip` matching requests through before failing the next one', () => {
    const faults = createFaultInjector();
    const rule = parseFaultRequest({
      status: 429,
      retryAfterSeconds: 1,
      count: 1,
      skip: 1,
      pathPrefix: '/_api/v2.0/uploadSession',
    });
    if (typeof rule === 'string') throw new Error(rule);
    faults.add(rule);
    expect(faults.take('/_api/v2.0/uploadSession/abc')).toBeUndefined();
    expect(faults.take('/graph/v1.0/me')).toBeUndefined();
    expect(faults.take('/_api/v2.0/uploadSession/abc')?.status).toBe(429);
    expect(faults.take('/_api/v2.0/uploadSession/abc')).toBeUndefined();
  });

  it.each([
    [{ status: 429, skip: -1 }, /skip/],
    [{ status: 500 }, /status/],
    [{ status: 429, count: 0 }, /count/],
    [{ status: 429, retryAfterSeconds: -1 }, /retryAfterSeconds/],
    [{ status: 429, pathPrefix: 'users' }, /pathPrefix/],
    ['429', /JSON object/],
  ])('rejects the request %j with a message naming the problem', (body, message) => {
    expect(parseFaultRequest(body)).toMatch(message);
  });
});
