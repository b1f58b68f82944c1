import { dictionaryProblems } from '@zaakwerk/tabs/shared/i18n/translator';
import { dictionaries, translator } from './i18n';
import { pickLanguage } from './messages';

describe('the task pane dictionaries', () => {
  it('agree: the Dutch keys in English too, no empty strings, the same placeholders', () => {
    expect(dictionaryProblems(dictionaries, 'nl')).toEqual([]);
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
