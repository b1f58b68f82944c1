import type { JsonValue } from './canonical-json';

/**
 * Reading an event's `data` (JSON) to render it for people: the helpers every timeline and signal
 * summary shares, and dates written out in Dutch and English.
 */
export type Json = { [key: string]: JsonValue };

export const isObject = (value: JsonValue | undefined): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The string, or the fallback (`?`) for anything else. */
export const text = (value: JsonValue | undefined, fallback = '?'): string => (typeof value === 'string' ? value : fallback);

/** `{ name }` of a person in the data, or null. */
export const nameOf = (value: JsonValue | undefined): string | null =>
  isObject(value) && typeof value.name === 'string' ? value.name : null;

export const nlMonths = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;
export const enMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2025-04-28` as "28 april" / "28 April" (the year left out, as people say a date this year). */
export function dayMonth(value: JsonValue | undefined, months: readonly string[]): string {
  if (typeof value !== 'string') return '?';
  const [, month, day] = value.split('-').map(Number);
  return `${day ?? '?'} ${months[(month ?? 0) - 1] ?? '?'}`;
}

/** `2030-06-15` as "15 juni 2030" / "15 June 2030". */
export function fullDate(value: JsonValue | undefined, months: readonly string[]): string {
  if (typeof value !== 'string') return '?';
  const [year, month, day] = value.split('-').map(Number);
  return `${day ?? '?'} ${months[(month ?? 0) - 1] ?? '?'} ${year ?? '?'}`;
}
