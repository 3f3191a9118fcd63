/**
 * Calendar dates of the programme. Certificates are issued and expire on dates in China Standard Time
 * (no daylight saving), so "today" is the date in UTC+8, whatever the server's own zone is.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant in China Standard Time. */
export function cstDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date moved by whole days (negative moves back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether a string is a real YYYY-MM-DD calendar date. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The instant (ISO-8601, UTC) at which a China Standard Time calendar day begins: 00:00 +08:00. */
export function cstDayStartIso(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS).toISOString();
}
