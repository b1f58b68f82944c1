import { dictionaryProblems } from '../shared/i18n/translator';
import { en } from './en';
import { nl } from './nl';
import { createTranslator, pickLocale } from './translate';

describe('the dictionaries', () => {
  it('agree: the Dutch keys in English too, no empty strings, the same placeholders', () => {
    expect(dictionaryProblems({ nl, en }, 'nl')).toEqual([]);
  });
});

describe('pickLocale', () => {
  it('defaults to Dutch when no preference is Dutch or English', () => {
    expect(pickLocale([])).toBe('nl');
    expect(pickLocale(['de-DE', 'fr'])).toBe('nl');
  });

  it('takes the first supported language of the preferences', () => {
    expect(pickLocale(['de-DE', 'en-US', 'nl-NL'])).toBe('en');
    expect(pickLocale([null, 'nl-nl'])).toBe('nl');
    expect(pickLocale(['EN_gb'])).toBe('en');
  });
});

describe('createTranslator', () => {
  it('fills in parameters', () => {
    expect(createTranslator('nl')('header.signedInAs', { name: 'Sanne de Vries' })).toBe('Aangemeld als Sanne de Vries');
    expect(createTranslator('en')('myWork.count', { count: 3 })).toBe('3 cases');
  });
});
