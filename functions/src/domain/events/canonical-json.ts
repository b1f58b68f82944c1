/** A JSON value as stored and hashed: no undefined, no NaN/Infinity, no Dates or class instances. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers in ECMAScript's shortest round-trip form (so 1.0 and 1 are both `1`, -0 is `0`),
 * strings escaped as JSON.stringify does. Properties whose value is `undefined` are left out (as
 * JSON.stringify does), so an absent optional field and an undefined one hash the same. Anything that
 * has no stable JSON form (NaN, Infinity, bigint, functions, symbols, Dates, Maps, class instances,
 * undefined inside an array) is refused: a hash over a lossy serialisation would be worthless.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

export class NotCanonicalJson extends Error {
  readonly code = 'events.not-canonical-json';
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`${path}: ${what} has no canonical JSON form`);
    this.name = 'NotCanonicalJson';
  }
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonicalJson(path, String(value));
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item, i) => writeArrayItem(item, `${path}[${i}]`)).join(',')}]`;
      if (!isPlainObject(value)) throw new NotCanonicalJson(path, `an instance of ${value.constructor?.name ?? 'unknown'}`);
      return writeObject(value as Record<string, unknown>, path);
    default:
      throw new NotCanonicalJson(path, `a ${typeof value}`);
  }
}

function writeArrayItem(item: unknown, path: string): string {
  if (item === undefined) throw new NotCanonicalJson(path, 'undefined in an array');
  return write(item, path);
}

function writeObject(object: Record<string, unknown>, path: string): string {
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    // Default sort compares UTF-16 code units, which is what RFC 8785 prescribes.
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${write(object[key], `${path}.${key}`)}`).join(',')}}`;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
