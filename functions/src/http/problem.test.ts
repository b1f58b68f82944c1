import { z } from 'zod';
import { AppError, dependencyUnavailable, forbidden, invalidInput, unauthenticated } from '../app/errors';
import { DomainError } from '../domain/errors';
import { CaseNumberContention } from '../ports/case-numbers';
import { ConcurrencyConflict, TransactionTooLarge } from '../ports/case-store';
import { IdempotencyKeyReused, IdempotencyRequestInProgress } from '../ports/idempotency';
import { fieldErrors, problemFromError } from './problem';

describe('problemFromError', () => {
  it.each([
    [invalidInput([{ path: 'query.limit', code: 'too_big', message: 'too big' }]), 400, 'request.invalid'],
    [unauthenticated('auth.expired', 'The access token has expired.'), 401, 'auth.expired'],
    [forbidden('auth.not-allowed', 'No.'), 403, 'auth.not-allowed'],
    [new AppError('not-found', 'route.not-found', 'No route.'), 404, 'route.not-found'],
    [new DomainError('conflict', 'case.already-closed', 'The case is already closed.'), 409, 'case.already-closed'],
    [new AppError('payload-too-large', 'request.too-large', 'Too large.'), 413, 'request.too-large'],
    [
      new AppError('unsupported-media-type', 'request.unsupported-media-type', 'JSON only.'),
      415,
      'request.unsupported-media-type',
    ],
    [new DomainError('rule-violation', 'case.checklist-incomplete', 'Checklist incomplete.'), 422, 'case.checklist-incomplete'],
    [dependencyUnavailable('graph.unavailable', 'Graph is down.'), 503, 'graph.unavailable'],
  ])('maps %p to status %i with its stable code', (error, status, code) => {
    const { problem, expected } = problemFromError(error);
    expect(problem).toMatchObject({ status, code, type: `urn:zaakwerk:problem:${code}`, detail: error.message });
    expect(problem.title).toEqual(expect.any(String));
    expect(expected).toBe(true);
  });

  it('keeps field errors of invalid input', () => {
    const errors = [{ path: 'query.limit', code: 'too_big', message: 'too big' }];
    expect(problemFromError(invalidInput(errors)).problem.errors).toEqual(errors);
  });

  it('turns an unexpected error into a 500 that reveals nothing about it', () => {
    const { problem, expected } = problemFromError(new TypeError("Cannot read properties of undefined (reading 'secretThing')"));
    expect(problem).toMatchObject({ status: 500, code: 'server.unexpected-error' });
    expect(JSON.stringify(problem)).not.toContain('secretThing');
    expect(expected).toBe(false);
  });

  it('adds WWW-Authenticate to 401s: bare Bearer without a token, error="invalid_token" otherwise', () => {
    expect(problemFromError(unauthenticated('auth.missing-token', 'x')).headers).toEqual({ 'www-authenticate': 'Bearer' });
    expect(problemFromError(unauthenticated('auth.expired', 'x')).headers).toEqual({
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  });
});

describe('fieldErrors', () => {
  it('lists every zod issue with its source-prefixed path', () => {
    const result = z.object({ limit: z.number().max(200), queue: z.enum(['mine']) }).safeParse({ limit: 500, queue: 'all' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors('query', result.error.issues)).toEqual([
      { path: 'query.limit', code: 'too_big', message: expect.any(String) },
      { path: 'query.queue', code: 'invalid_value', message: expect.any(String) },
    ]);
  });
});

describe('problemFromError for the storage core', () => {
  it.each([
    [new IdempotencyKeyReused(), 422, 'request.idempotency-key-reused'],
    [new IdempotencyRequestInProgress(), 409, 'request.idempotency-in-progress'],
    [new TransactionTooLarge('operations', 101, 100), 413, 'case.change-too-large'],
    [new CaseNumberContention('ZAAK', 60), 503, 'case-number.contention'],
    [new ConcurrencyConflict('c1', 'W/"now"'), 412, 'case.etag-mismatch'],
  ])('maps %p to %i with its own code', (error, status, code) => {
    const { problem, expected } = problemFromError(error);
    expect([problem.status, problem.code, expected]).toEqual([status, code, true]);
  });

  it('answers a concurrency conflict with the current etag, and none when the case is gone', () => {
    expect(problemFromError(new ConcurrencyConflict('c1', 'W/"now"')).headers).toEqual({ etag: 'W/"now"' });
    expect(problemFromError(new ConcurrencyConflict('c1', null)).headers).toEqual({});
  });
});
