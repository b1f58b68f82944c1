import { ApiProblemError, networkProblem, problemFromResponse } from './problem';

describe('problemFromResponse', () => {
  it('takes a problem+json body as it is', () => {
    const body = {
      type: 'urn:zaakwerk:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: 'One field is invalid',
      code: 'request.invalid',
      errors: [{ path: 'query.limit', code: 'too_big', message: 'At most 100' }],
    };
    expect(problemFromResponse(400, 'Bad Request', 'application/problem+json', JSON.stringify(body))).toEqual(body);
  });

  it('drops field errors that are not shaped like field errors', () => {
    const body = { title: 'Invalid request', status: 400, code: 'request.invalid', errors: [{ path: 'x' }, 'y'] };
    expect(problemFromResponse(400, '', 'application/problem+json', JSON.stringify(body)).errors).toEqual([]);
  });

  it('fills in the type and the HTTP status when the body leaves them out', () => {
    const problem = problemFromResponse(403, 'Forbidden', 'application/problem+json', '{"title":"No","code":"auth.forbidden"}');
    expect(problem).toEqual({ type: 'about:blank', title: 'No', status: 403, code: 'auth.forbidden' });
  });

  it('gives a body without a code (a gateway answering instead of the API) a client code', () => {
    expect(problemFromResponse(429, '', 'application/json', '{"title":"Too Many Requests"}').code).toBe(
      'client.problem-without-code',
    );
  });

  it('makes a generic problem of a body that is not JSON, keeping a short excerpt', () => {
    const problem = problemFromResponse(502, 'Bad Gateway', 'text/html', `<html>${'x'.repeat(400)}</html>`);
    expect(problem).toMatchObject({ status: 502, title: 'Bad Gateway', code: 'client.unexpected-response' });
    expect(problem.detail).toHaveLength(300);
  });

  it('does not trust a JSON content type with a body that is not JSON', () => {
    expect(problemFromResponse(500, '', 'application/json', 'oops')).toEqual({
      type: 'about:blank',
      title: 'HTTP 500',
      status: 500,
      code: 'client.unexpected-response',
      detail: 'oops',
    });
  });
});

describe('networkProblem', () => {
  it('is status 0 with the reason as detail', () => {
    expect(networkProblem(new TypeError('Failed to fetch'))).toMatchObject({
      status: 0,
      code: 'client.network',
      detail: 'Failed to fetch',
    });
  });
});

describe('ApiProblemError', () => {
  it('exposes the status and the stable code, and reads as title and detail', () => {
    const error = new ApiProblemError({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      code: 'auth.expired',
      detail: 'Expired',
    });
    expect([error.status, error.code, error.message]).toEqual([401, 'auth.expired', 'Unauthorized: Expired']);
  });
});
