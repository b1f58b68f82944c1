import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark' | 'contrast';

/** Forced colours (Windows high contrast) win over dark mode, as in Teams. */
export function themeKindFor(preferences: { dark: boolean; forcedColors: boolean }): ThemeKind {
  if (preferences.forcedColors) return 'contrast';
  return preferences.dark ? 'dark' : 'light';
}

export const themes: Readonly<Record<ThemeKind, Theme>> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Reads the system preferences the Office host passes through to the task pane's web view. */
export function currentThemeKind(matchMedia: (query: string) => { matches: boolean }): ThemeKind {
  return themeKindFor({
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    forcedColors: matchMedia('(forced-colors: active)').matches,
  });
}
