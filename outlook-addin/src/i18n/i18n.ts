import { translatorFor, type Translator } from '@zaakwerk/tabs/shared/i18n/translator';
import { en } from './en';
import type { Language, MessageKey, Messages } from './messages';
import { nl } from './nl';

export { pickLanguage, type Language, type MessageKey } from './messages';

export const dictionaries: Readonly<Record<Language, Messages>> = { nl, en };

/** A translator bound to one language: `t('signedInAs', { name })`. */
export type Translate = Translator<MessageKey>;

export function translator(language: Language): Translate {
  return translatorFor(dictionaries[language]);
}
