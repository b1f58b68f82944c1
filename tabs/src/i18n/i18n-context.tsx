import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from './messages';
import { createTranslator } from './translate';
import type { Translate } from './translate';

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'nl', t: createTranslator('nl') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: createTranslator(locale) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
