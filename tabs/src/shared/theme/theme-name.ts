import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

/** The three Teams themes the web apps render with Fluent UI. */
export type ThemeName = 'light' | 'dark' | 'contrast';

export const forcedColorsQuery = '(forced-colors: active)';
export const prefersDarkQuery = '(prefers-color-scheme: dark)';

/** Outside a Teams host: forced colours (Windows high contrast) win over a dark colour-scheme preference, as in Teams. */
export function themeFromMedia(media: { forcedColors: boolean; prefersDark: boolean }): ThemeName {
  if (media.forcedColors) return 'contrast';
  return media.prefersDark ? 'dark' : 'light';
}

/** Reads the system preferences the browser (or the Office host's web view) answers through matchMedia. */
export function themeFromMatchMedia(matchMedia: (query: string) => { matches: boolean }): ThemeName {
  return themeFromMedia({
    forcedColors: matchMedia(forcedColorsQuery).matches,
    prefersDark: matchMedia(prefersDarkQuery).matches,
  });
}

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    case 'light':
      return teamsLightTheme;
  }
}
