import type { nl } from './nl';

/** Every UI string key; the Dutch dictionary defines the set, so English cannot miss or invent one. */
export type MessageKey = keyof typeof nl;
export type Messages = { readonly [key in MessageKey]: string };
export type Locale = 'nl' | 'en';
