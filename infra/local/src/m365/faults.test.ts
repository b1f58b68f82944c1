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

  it.each([
    [{ status: 500 }, /status/],
    [{ status: 429, count: 0 }, /count/],
    [{ status: 429, retryAfterSeconds: -1 }, /retryAfterSeconds/],
    [{ status: 429, pathPrefix: 'users' }, /pathPrefix/],
    ['429', /JSON object/],
  ])('rejects the request %j with a message naming the problem', (body, message) => {
    expect(parseFaultRequest(body)).toMatch(message);
  });
});
