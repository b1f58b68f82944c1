import { themeFromMedia, themeFromTeams } from './theme-name';

describe('themeFromTeams', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['glass', 'light'],
    [undefined, 'light'],
  ])('maps the Teams theme %s to %s', (teams, expected) => {
    expect(themeFromTeams(teams)).toBe(expected);
  });
});

describe('themeFromMedia', () => {
  it('uses high contrast when the system forces colours, even if dark is preferred', () => {
    expect(themeFromMedia({ forcedColors: true, prefersDark: true })).toBe('contrast');
  });

  it('follows the dark colour-scheme preference', () => {
    expect(themeFromMedia({ forcedColors: false, prefersDark: true })).toBe('dark');
    expect(themeFromMedia({ forcedColors: false, prefersDark: false })).toBe('light');
  });
});
