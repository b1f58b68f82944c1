import { en } from './en';
import { format, type Language, type MessageKey, type Messages } from './messages';
import { nl } from './nl';

export { format, pickLanguage, type Language, type MessageKey } from './messages';

export const dictionaries: Readonly<Record<Language, Messages>> = { nl, en };

/** A translator bound to one language: `t('signedInAs', { name })`. */
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string>>) => string;

export function translator(language: Language): Translate {
  const messages = dictionaries[language];
  return (key, params) => format(messages[key], params);
}
