import { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { AppError } from '../app/errors';
import { parseJsonBody } from './input';

const schema = z.object({ title: z.string().min(1), amount: z.number().nonnegative() });
const request = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new HttpRequest({ method: 'POST', url: 'http://localhost/api/v1/x', headers, body: { string: body } });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseJsonBody', () => {
  it('returns the validated body', async () => {
    await expect(parseJsonBody(request('{"title":"Dakkapel","amount":3}'), schema, 1024)).resolves.toEqual({
      title: 'Dakkapel',
      amount: 3,
    });
  });

  it('accepts application/json with a charset and +json media types', async () => {
    await expect(
      parseJsonBody(request('{"title":"a","amount":0}', { 'content-type': 'application/json; charset=utf-8' }), schema, 1024),
    ).resolves.toBeTruthy();
    await expect(
      parseJsonBody(request('{"title":"a","amount":0}', { 'content-type': 'application/merge-patch+json' }), schema, 1024),
    ).resolves.toBeTruthy();
  });

  it('refuses another media type with 415', async () => {
    const error = await errorOf(
      parseJsonBody(request('title=a', { 'content-type': 'application/x-www-form-urlencoded' }), schema, 1024),
    );
    expect([error.kind, error.code]).toEqual(['unsupported-media-type', 'request.unsupported-media-type']);
  });

  it('refuses a body over the limit with 413, also when no length is declared', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(2000), amount: 1 });
    expect((await errorOf(parseJsonBody(request(big), schema, 1024))).code).toBe('request.too-large');
    expect(
      (await errorOf(parseJsonBody(request(big, { 'content-type': 'application/json', 'content-length': '2100' }), schema, 1024)))
        .kind,
    ).toBe('payload-too-large');
  });

  it('answers malformed JSON with 400 request.malformed-json', async () => {
    expect((await errorOf(parseJsonBody(request('{"title":'), schema, 1024))).code).toBe('request.malformed-json');
  });

  it('lists every invalid field with a body. path', async () => {
    const error = await errorOf(parseJsonBody(request('{"title":"","amount":-1}'), schema, 1024));
    expect(error.code).toBe('request.invalid');
    expect(error.options.errors?.map((e) => e.path)).toEqual(['body.title', 'body.amount']);
  });
});
