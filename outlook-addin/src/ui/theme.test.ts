import { currentThemeKind, themeKindFor } from './theme';

describe('themeKindFor', () => {
  it('is light by default', () => {
    expect(themeKindFor({ dark: false, forcedColors: false })).toBe('light');
  });

  it('follows dark mode', () => {
    expect(themeKindFor({ dark: true, forcedColors: false })).toBe('dark');
  });

  it('prefers high contrast over dark mode', () => {
    expect(themeKindFor({ dark: true, forcedColors: true })).toBe('contrast');
  });
});

describe('currentThemeKind', () => {
  it('asks the media queries the browser answers', () => {
    const asked: string[] = [];
    const kind = currentThemeKind((query) => {
      asked.push(query);
      return { matches: query.includes('dark') };
    });
    expect(kind).toBe('dark');
    expect(asked).toEqual(['(prefers-color-scheme: dark)', '(forced-colors: active)']);
  });
});
