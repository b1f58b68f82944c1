import { dictionaryProblems, fillPlaceholders, placeholders, translatorFor } from './translator';

describe('fillPlaceholders', () => {
  it('fills placeholders by name, numbers too', () => {
    expect(fillPlaceholders('Aangemeld als {name}', { name: 'Sanne de Vries' })).toBe('Aangemeld als Sanne de Vries');
    expect(fillPlaceholders('{count} zaken', { count: 3 })).toBe('3 zaken');
  });

  it('leaves a placeholder without a value visible rather than printing undefined', () => {
    expect(fillPlaceholders('Hallo {who}', {})).toBe('Hallo {who}');
    expect(fillPlaceholders('{count} zaken')).toBe('{count} zaken');
  });
});

describe('placeholders', () => {
  it('lists the placeholder names sorted', () => {
    expect(placeholders('{b} en {a}, geen {}')).toEqual(['a', 'b']);
  });
});

describe('translatorFor', () => {
  it('translates a key of the dictionary with its parameters', () => {
    const t = translatorFor({ signedInAs: 'Signed in as {name}' });
    expect(t('signedInAs', { name: 'Sanne de Vries' })).toBe('Signed in as Sanne de Vries');
  });
});

describe('dictionaryProblems', () => {
  const nl = { greeting: 'Hallo {name}', retry: 'Opnieuw' };

  it('finds nothing wrong when every language matches the reference', () => {
    expect(dictionaryProblems({ nl, en: { greeting: 'Hello {name}', retry: 'Again' } }, 'nl')).toEqual([]);
  });

  it('reports missing, empty and extra keys and different placeholders', () => {
    expect(dictionaryProblems({ nl, en: { greeting: 'Hello {who}', retry: ' ', extra: 'x' } }, 'nl')).toEqual([
      "en: 'greeting' uses {who} instead of the placeholders of nl",
      "en: 'retry' is empty",
      "en: 'extra' is not a key of nl",
    ]);
    expect(dictionaryProblems({ nl, en: { greeting: 'Hello {name}' } }, 'nl')).toEqual(["en: 'retry' is missing"]);
  });
});
