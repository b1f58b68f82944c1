import { themeFromTeams } from './teams-theme';

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
