import { UnsupportedCalendarYear } from './calendar-errors';
import { decreeDayData } from './decree-days';
import { easterSunday } from './easter';
import { addDays, compareLocalDates, localDateOf, parseLocalDate, partsOf, weekdayOf, type LocalDate } from './local-date';

/**
 * The years the Atw calendar answers for. From 2014 the King's birthday is celebrated on Koningsdag
 * (27 April, 26 April when the 27th is a Sunday); before that Koninginnedag had other dates and Sunday
 * rules, and the art. 3 list itself changed (5 mei was added in the 1980s), which we have not verified
 * day by day. Zaakwerk computes deadlines for cases received now, so older years are refused, not guessed.
 */
export const atwCalendarYears = { from: 2014, to: 2200 } as const;

export type HolidayKind = 'fixed' | 'easter' | 'koningsdag' | 'decree';

/** A day on which an Atw term may not end, with its Dutch name. */
export interface PublicHoliday {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: HolidayKind;
}

/** A day declared equal to a public holiday by royal decree (Atw art. 3 lid 3). */
export interface DecreeDay {
  readonly date: LocalDate;
  readonly name: string;
}

/**
 * The holiday calendar as a value: the statutory days are computed, the decree days are data. Pass a
 * calendar with an added decree day (`withDecreeDays`) to recompute deadlines of open cases.
 */
export interface AtwCalendar {
  readonly decreeDays: readonly DecreeDay[];
}

export function createAtwCalendar(decreeDays: readonly { readonly date: string; readonly name: string }[]): AtwCalendar {
  const days = decreeDays.map(({ date, name }) => ({ date: parseLocalDate(date), name }));
  return { decreeDays: [...days].sort((a, b) => compareLocalDates(a.date, b.date)) };
}

/** The calendar with extra decree days; a date already present is not added twice. */
export function withDecreeDays(
  calendar: AtwCalendar,
  extra: readonly { readonly date: string; readonly name: string }[],
): AtwCalendar {
  const known = new Set<string>(calendar.decreeDays.map((day) => day.date));
  return createAtwCalendar([...calendar.decreeDays, ...extra.filter((day) => !known.has(day.date))]);
}

/** Today's calendar: Atw art. 3 plus the decree days in decree-days.ts. */
export const atwCalendar: AtwCalendar = createAtwCalendar(decreeDayData);

function assertSupported(year: number): void {
  if (!Number.isInteger(year) || year < atwCalendarYears.from || year > atwCalendarYears.to) {
    throw new UnsupportedCalendarYear(year, atwCalendarYears);
  }
}

// Koningsdag (since 2014): 27 April, or Saturday 26 April when the 27th is a Sunday.
function koningsdag(year: number): LocalDate {
  const birthday = localDateOf(year, 4, 27);
  return weekdayOf(birthday) === 7 ? addDays(birthday, -1) : birthday;
}

function statutoryHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({
    date: localDateOf(year, month, day),
    name,
    kind: 'fixed',
  });
  const fromEaster = (days: number, name: string): PublicHoliday => ({ date: addDays(easter, days), name, kind: 'easter' });
  return [
    fixed(1, 1, 'Nieuwjaarsdag'),
    fromEaster(-2, 'Goede Vrijdag'),
    fromEaster(1, 'Tweede Paasdag'),
    { date: koningsdag(year), name: 'Koningsdag', kind: 'koningsdag' },
    // Atw art. 3: "de vijfde mei" every year, not only in lustrum years as in many collective agreements.
    fixed(5, 5, 'Bevrijdingsdag'),
    fromEaster(39, 'Hemelvaartsdag'),
    fromEaster(50, 'Tweede Pinksterdag'),
    fixed(12, 25, 'Eerste Kerstdag'),
    fixed(12, 26, 'Tweede Kerstdag'),
  ];
}

const cache = new WeakMap<AtwCalendar, Map<number, readonly PublicHoliday[]>>();

/**
 * Every Atw holiday of `year`, sorted by date. Two holidays can share a date (Hemelvaartsdag on 5 May in
 * 2016); both are listed. Throws `UnsupportedCalendarYear` outside `atwCalendarYears`.
 */
export function holidaysOf(year: number, calendar: AtwCalendar = atwCalendar): readonly PublicHoliday[] {
  assertSupported(year);
  let byYear = cache.get(calendar);
  if (!byYear) {
    byYear = new Map();
    cache.set(calendar, byYear);
  }
  const cached = byYear.get(year);
  if (cached) return cached;
  const decree: PublicHoliday[] = calendar.decreeDays
    .filter((day) => partsOf(day.date).year === year)
    .map((day) => ({ date: day.date, name: day.name, kind: 'decree' }));
  const holidays = [...statutoryHolidays(year), ...decree].sort((a, b) => compareLocalDates(a.date, b.date));
  byYear.set(year, holidays);
  return holidays;
}

/** The holidays on `date` (usually none or one). */
export const publicHolidaysOn = (date: LocalDate, calendar: AtwCalendar = atwCalendar): readonly PublicHoliday[] =>
  holidaysOf(partsOf(date).year, calendar).filter((holiday) => holiday.date === date);

/** True for an Atw public holiday or a decree day; weekends are not holidays in themselves. */
export const isPublicHoliday = (date: LocalDate, calendar: AtwCalendar = atwCalendar): boolean =>
  publicHolidaysOn(date, calendar).length > 0;
