import { useEffect, useState } from 'react';
import type { TeamsHost } from '../host/teams-host';
import { forcedColorsQuery, prefersDarkQuery, themeFromMatchMedia } from '../shared/theme/theme-name';
import type { ThemeName } from '../shared/theme/theme-name';
import { themeFromTeams } from './teams-theme';

function currentMediaTheme(): ThemeName {
  return themeFromMatchMedia((query) => window.matchMedia(query));
}

/** Follows the Teams theme inside Teams, and the system colour scheme / forced colours in a browser. */
export function useThemeName(teams: TeamsHost | null): ThemeName {
  const [name, setName] = useState<ThemeName>(() => (teams ? themeFromTeams(teams.theme) : currentMediaTheme()));

  useEffect(() => {
    if (teams) {
      teams.onThemeChange((theme) => setName(themeFromTeams(theme)));
      return undefined;
    }
    const queries = [window.matchMedia(forcedColorsQuery), window.matchMedia(prefersDarkQuery)];
    const update = (): void => setName(currentMediaTheme());
    queries.forEach((query) => query.addEventListener('change', update));
    return () => queries.forEach((query) => query.removeEventListener('change', update));
  }, [teams]);

  return name;
}
