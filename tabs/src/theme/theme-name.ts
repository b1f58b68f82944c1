/** The three Teams themes the tab renders with Fluent UI. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Maps a Teams host theme (`default`, `dark`, `contrast`, newer ones such as `glass`) to ours. */
export function themeFromTeams(teamsTheme: string | null | undefined): ThemeName {
  switch (teamsTheme?.toLowerCase()) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}

/** In a browser: forced colours (Windows high contrast) win over a dark colour-scheme preference. */
export function themeFromMedia(media: { forcedColors: boolean; prefersDark: boolean }): ThemeName {
  if (media.forcedColors) return 'contrast';
  return media.prefersDark ? 'dark' : 'light';
}
