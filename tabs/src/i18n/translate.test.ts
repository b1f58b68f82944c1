import { en } from './en';
import { nl } from './nl';
import { createTranslator, pickLocale } from './translate';

describe('the dictionaries', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('have no empty strings', () => {
    for (const dictionary of [nl, en]) {
      for (const [key, value] of Object.entries(dictionary)) expect([key, value.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(nl[key])]);
    }
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

  it('leaves a placeholder without a value visible rather than printing undefined', () => {
    expect(createTranslator('nl')('myWork.count')).toBe('{count} zaken');
  });
});
