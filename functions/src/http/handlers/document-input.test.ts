import { HttpRequest } from '@azure/functions';
import type { UserPrincipal } from '../../domain/principal';
import { contentLengthOf, graphActorOf, mediaTypeOf, reprDigest } from './document-input';

const user: UserPrincipal = {
  kind: 'user',
  oid: 'u-1',
  tid: 't',
  name: 'Sanne de Vries',
  upn: 'sanne@zaakwerk.test',
  email: null,
  roles: [],
  groups: [],
};
const request = (headers: Record<string, string>) => new HttpRequest({ method: 'POST', url: 'http://localhost/api', headers });

describe('document request input', () => {
  it('acts for the user on behalf of their own token, and app-only when the bot acts for them', () => {
    expect(graphActorOf(request({ authorization: 'Bearer abc.def.ghi' }), user)).toEqual({
      kind: 'user',
      assertion: 'abc.def.ghi',
    });
    expect(graphActorOf(request({ authorization: 'Bearer bot-token' }), { ...user, via: 'bot', actingAppId: 'bot' })).toEqual({
      kind: 'app',
    });
  });

  it('reads Content-Length and the media type without parameters', () => {
    expect(contentLengthOf(request({ 'content-length': '42' }))).toBe(42);
    expect(contentLengthOf(request({}))).toBeUndefined();
    expect(mediaTypeOf(request({ 'content-type': 'Text/Plain; charset=utf-8' }))).toBe('text/plain');
  });

  it('gives the recorded SHA-256 as an RFC 9530 Repr-Digest', () => {
    const hex = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(reprDigest(hex)).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
  });
});
