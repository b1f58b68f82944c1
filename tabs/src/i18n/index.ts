export type { Locale, MessageKey, Messages } from './messages';
export { createTranslator, dictionaries, intlLocale, pickLocale } from './translate';
export type { Translate } from './translate';
export { I18nProvider, useI18n } from './i18n-context';
