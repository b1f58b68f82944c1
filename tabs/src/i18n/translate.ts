import { translatorFor } from '../shared/i18n/translator';
import type { Translator } from '../shared/i18n/translator';
import { en } from './en';
import type { Locale, MessageKey, Messages } from './messages';
import { nl } from './nl';

export const dictionaries: Readonly<Record<Locale, Messages>> = { nl, en };

/**
 * Picks the UI language from preferred locales (Teams context locale, or navigator.languages):
 * the first one that is Dutch or English wins; Dutch when none is.
 */
export function pickLocale(preferred: ReadonlyArray<string | null | undefined>): Locale {
  for (const candidate of preferred) {
    const language = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (language === 'nl' || language === 'en') return language;
  }
  return 'nl';
}

/** BCP 47 tag for Intl formatting in the chosen UI language. */
export function intlLocale(locale: Locale): string {
  return locale === 'nl' ? 'nl-NL' : 'en-GB';
}

export type Translate = Translator<MessageKey>;

/** A translate function for one locale; `{param}` placeholders are replaced, unknown ones left as is. */
export function createTranslator(locale: Locale): Translate {
  return translatorFor(dictionaries[locale]);
}
