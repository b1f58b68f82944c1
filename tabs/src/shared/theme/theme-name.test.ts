import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { fluentTheme, themeFromMatchMedia, themeFromMedia } from './theme-name';

describe('themeFromMedia', () => {
  it('uses high contrast when the system forces colours, even if dark is preferred', () => {
    expect(themeFromMedia({ forcedColors: true, prefersDark: true })).toBe('contrast');
  });

  it('follows the dark colour-scheme preference', () => {
    expect(themeFromMedia({ forcedColors: false, prefersDark: true })).toBe('dark');
    expect(themeFromMedia({ forcedColors: false, prefersDark: false })).toBe('light');
  });
});

describe('themeFromMatchMedia', () => {
  it('asks the media queries the browser answers', () => {
    const asked: string[] = [];
    const name = themeFromMatchMedia((query) => {
      asked.push(query);
      return { matches: query.includes('dark') };
    });
    expect(name).toBe('dark');
    expect(asked.sort()).toEqual(['(forced-colors: active)', '(prefers-color-scheme: dark)']);
  });
});

describe('fluentTheme', () => {
  it('renders each theme with the matching Teams theme of Fluent UI', () => {
    expect([fluentTheme('light'), fluentTheme('dark'), fluentTheme('contrast')]).toEqual([
      teamsLightTheme,
      teamsDarkTheme,
      teamsHighContrastTheme,
    ]);
  });
});
