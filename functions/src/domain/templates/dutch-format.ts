import { fullDate, nlMonths } from '../events/summary-text';
import { parseDuration } from '../calendar';

/** `2026-11-28` as "28 november 2026" (the timeline's Dutch month names). */
export const dutchDate = (date: string): string => fullDate(date, nlMonths);

/** Digits grouped by thousands with a point, as Dutch writes them: 12000 → "12.000". */
const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** An amount in euros as "€ 12.000,00" (rounded to cents; negative as "€ -12,50"). */
export function dutchMoney(euros: number): string {
  const cents = Math.round(Math.abs(euros) * 100);
  const sign = euros < 0 && cents > 0 ? '-' : '';
  return `€ ${sign}${grouped(String(Math.floor(cents / 100)))},${String(cents % 100).padStart(2, '0')}`;
}

/** A number with a decimal comma and grouped thousands: 1234.5 → "1.234,5". */
export function dutchNumber(value: number): string {
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  return `${value < 0 ? '-' : ''}${grouped(whole)}${fraction ? `,${fraction}` : ''}`;
}

/** "a", "a en b", "a, b en c". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

const units: [keyof ReturnType<typeof parseDuration>, string, string][] = [
  ['years', 'jaar', 'jaar'],
  ['months', 'maand', 'maanden'],
  ['weeks', 'week', 'weken'],
  ['days', 'dag', 'dagen'],
];

/** A calendar duration in words: `P2W` → "2 weken", `P1M2D` → "1 maand en 2 dagen"; null when it is not one. */
export function dutchDuration(iso: string): string | null {
  let duration;
  try {
    duration = parseDuration(iso);
  } catch {
    return null;
  }
  const parts = units.flatMap(([unit, one, many]) =>
    duration[unit] ? [`${duration[unit]} ${duration[unit] === 1 ? one : many}`] : [],
  );
  return parts.length === 0 ? '0 dagen' : dutchList(parts);
}
