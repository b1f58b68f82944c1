import { withUnicodeSafePatterns } from './build-package';

describe('withUnicodeSafePatterns', () => {
  const shipped = '^activities.activityTypes\\[\\b([0-9]|12[0-7])\\b]\\.description$';

  it('makes a pattern with a lone closing bracket compile with the u flag', () => {
    expect(() => new RegExp(shipped, 'u')).toThrow();
    const fixed = (withUnicodeSafePatterns({ patternProperties: { [shipped]: {} } }) as { patternProperties: object })
      .patternProperties;
    const [pattern = ''] = Object.keys(fixed);
    expect(() => new RegExp(pattern, 'u')).not.toThrow();
  });

  it('keeps the meaning of the pattern', () => {
    const fixed =
      Object.keys(
        (withUnicodeSafePatterns({ patternProperties: { [shipped]: {} } }) as { patternProperties: object }).patternProperties,
      )[0] ?? '';
    for (const key of [
      'activities.activityTypes[3].description',
      'activities.activityTypes[127].description',
      'activities.activityTypes[x].description',
    ]) {
      expect(new RegExp(fixed, 'u').test(key)).toBe(new RegExp(shipped).test(key));
    }
  });

  it('leaves valid patterns untouched', () => {
    const schema = { properties: { a: { pattern: '^[a-z]+\\]$' } } };
    expect(withUnicodeSafePatterns(schema)).toEqual(schema);
  });
});
