import { canonicalJson, NotCanonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text for objects built in a different key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('leaves out undefined properties, so absent and undefined hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalJson([1.0, -0, 0.1 + 0.2, 1e21, 1e-7, 123456789012])).toBe(
      '[1,0,0.30000000000000004,1e+21,1e-7,123456789012]',
    );
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it.each([
    ['NaN', { a: Number.NaN }, '$.a'],
    ['Infinity', { a: [Infinity] }, '$.a[0]'],
    ['a Date', { when: new Date(0) }, '$.when'],
    ['undefined inside an array', [1, undefined], '$[1]'],
    ['a bigint', { n: BigInt(1) }, '$.n'],
    ['a Map', new Map(), '$'],
  ])('refuses %s, naming where it is', (_what, value, path) => {
    expect(() => canonicalJson(value)).toThrow(NotCanonicalJson);
    expect(() => canonicalJson(value)).toThrow(path);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 2;
    bare.a = 1;
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});
