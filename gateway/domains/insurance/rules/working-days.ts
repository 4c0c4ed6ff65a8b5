import { addDays } from '../../calendar-days';
import data from './cn-working-days.json';

export interface WorkingDayCalendar {
  years: readonly number[];
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** Years derived by a stated rule, not from the State Council's notice (see the file). */
  provisional?: readonly number[];
}

/** Mainland China's calendar from cn-working-days.json (format and sources in the file). */
export const CN_CALENDAR: WorkingDayCalendar = {
  years: data.years,
  holidays: new Set(data.holidays),
  workdays: new Set(data.workdays),
  provisional: Object.keys(data.provisional).map(Number),
};

/** The first and last dates the calendar covers (its years are contiguous in the file). */
export function coverage(cal: WorkingDayCalendar): { first: string; last: string } {
  return { first: `${Math.min(...cal.years)}-01-01`, last: `${Math.max(...cal.years)}-12-31` };
}

/** True when a day from `from` to `to` falls in a year the calendar holds provisionally. */
export function provisionalBetween(cal: WorkingDayCalendar, from: string, to: string): boolean {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  return (cal.provisional ?? []).some((y) => y >= a && y <= b);
}

export function isWorkingDay(cal: WorkingDayCalendar, date: string): boolean {
  if (!cal.years.includes(Number(date.slice(0, 4)))) {
    const { first, last } = coverage(cal);
    // Refused, never guessed: a deadline past the data would count holidays as working days.
    throw new Error(
      `the working-day calendar covers ${first} to ${last}: it has no holidays for ${date} (add its year to cn-working-days.json)`,
    );
  }
  if (cal.workdays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !cal.holidays.has(date);
}

/** The `n`th working day after `date` (the day itself does not count). */
export function addWorkingDays(cal: WorkingDayCalendar, date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) left -= 1;
  }
  return day;
}

/** Sinosure shipment declaration (出运申报) deadline: by default 5 working days after on board. */
export function declarationDeadline(
  onBoardDate: string,
  workingDays = 5,
  cal = CN_CALENDAR,
): string {
  return addWorkingDays(cal, onBoardDate, workingDays);
}
