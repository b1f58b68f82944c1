import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { ThemeName } from './theme-name';

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
