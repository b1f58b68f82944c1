import { dictionaries, translator } from './i18n';
import { format, pickLanguage, placeholders } from './messages';

describe('the task pane dictionaries', () => {
  const dutchKeys = Object.keys(dictionaries.nl).sort();

  it('has the same keys in English as in Dutch', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(dutchKeys);
  });

  it.each(dutchKeys)('uses the same placeholders in both languages for %s', (key) => {
    const k = key as keyof typeof dictionaries.nl;
    expect(placeholders(dictionaries.en[k])).toEqual(placeholders(dictionaries.nl[k]));
  });

  it('has no empty strings', () => {
    for (const messages of Object.values(dictionaries)) {
      for (const value of Object.values(messages)) expect(value.trim()).not.toBe('');
    }
  });
});

describe('format', () => {
  it('fills placeholders by name', () => {
    expect(format('Aangemeld als {name}', { name: 'Sanne de Vries' })).toBe('Aangemeld als Sanne de Vries');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(format('Hallo {who}', {})).toBe('Hallo {who}');
  });
});

describe('pickLanguage', () => {
  it('chooses English for an English Office UI', () => {
    expect(pickLanguage('en-US', 'nl-NL')).toBe('en');
  });

  it('chooses Dutch for a Dutch Office UI even when the browser is English', () => {
    expect(pickLanguage('nl-NL', 'en-GB')).toBe('nl');
  });

  it('falls back to Dutch for other languages and for no language at all', () => {
    expect(pickLanguage('de-DE')).toBe('nl');
    expect(pickLanguage(null, undefined, '')).toBe('nl');
  });

  it('skips unknown tags and uses the browser language', () => {
    expect(pickLanguage(null, 'en-GB')).toBe('en');
  });
});

describe('translator', () => {
  it('translates with parameters in the chosen language', () => {
    expect(translator('en')('signedInAs', { name: 'Sanne de Vries' })).toBe('Signed in as Sanne de Vries');
    expect(translator('nl')('signedInAs', { name: 'Sanne de Vries' })).toBe('Aangemeld als Sanne de Vries');
  });
});
