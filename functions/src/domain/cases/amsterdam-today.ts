import { parseLocalDate, type LocalDate } from '../calendar';

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/Amsterdam at `instant` (API dates are local Dutch dates, API.md). */
export const amsterdamToday = (instant: Date): LocalDate => parseLocalDate(amsterdamDate.format(instant));
