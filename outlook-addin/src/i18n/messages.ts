import type { nl } from './nl';

export type MessageKey = keyof typeof nl;
/** Every language has exactly the Dutch keys. */
export type Messages = Record<MessageKey, string>;
export type Language = 'nl' | 'en';

/**
 * Dutch first: English only when the Office UI (or the browser) asks for English; every other
 * language falls back to Dutch, the product's primary language.
 */
export function pickLanguage(...tags: ReadonlyArray<string | null | undefined>): Language {
  const first = tags.find((tag): tag is string => typeof tag === 'string' && tag.trim() !== '');
  return first !== undefined && /^en\b/i.test(first.trim()) ? 'en' : 'nl';
}
