import { isGreeting } from './is-greeting';

describe('isGreeting', () => {
  it.each([
    'hallo',
    'Hallo',
    'HOI',
    'hi',
    'Hello!',
    'goedemorgen',
    'Goedemiddag 👋',
    'goedenavond.',
    'hey zaakwerk',
    'Good morning',
    '  hallo  ',
    'Hallo Zaakwerk bot',
  ])('takes %j as a greeting', (text) => {
    expect(isGreeting(text)).toBe(true);
  });

  it.each([
    '',
    'help',
    'wat kun je?',
    'hallo, waar staat mijn zaak over de dakkapel?',
    'highlight',
    'hoist',
    'good',
    'zaak 12',
    undefined,
  ])('does not take %j as a greeting', (text) => {
    expect(isGreeting(text)).toBe(false);
  });
});
