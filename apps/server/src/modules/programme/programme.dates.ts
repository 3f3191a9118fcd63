/**
 * Calendar dates of the programme (YYYY-MM-DD): China Standard Time days, as for certificates. The basic
 * functions are the platform's (lib/calendar.ts).
 */
export { cstDate as cstToday, daysBetween, isIsoDate } from '../../lib/calendar';

/** The last day of each month from `from`'s month to `to`'s month, inclusive. */
export function monthEnds(from: string, to: string): string[] {
  const result: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (year * 12 + month <= endKey) {
    const last = new Date(Date.UTC(year, month, 0));
    result.push(last.toISOString().slice(0, 10));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return result;
}
