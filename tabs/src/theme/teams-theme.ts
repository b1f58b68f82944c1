import type { ThemeName } from '../shared/theme/theme-name';

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
