import fs from 'node:fs';

/**
 * The programme's calendar: dates are China Standard Time calendar days (YYYY-MM-DD).
 *
 * Working days are Monday to Friday, corrected by an optional calendar file (SHANGMI_CALENDAR_FILE:
 * `{"holidays": ["2026-10-01", …], "workdays": ["2026-10-10", …]}`) that an operator fills from the
 * State Council's yearly holiday notice. A test deployment may also shift "today" by whole days with
 * SHANGMI_CLOCK_FILE (a file holding `{"offsetDays": N}`), so a public-notice period can be seen to end
 * in an end-to-end test; production sets neither.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

interface Cached<T> {
  file: string;
  mtimeMs: number;
  value: T;
}

let calendarCache: Cached<WorkCalendar> | null = null;
let clockCache: Cached<number> | null = null;

function readJson<T>(file: string, cache: Cached<T> | null, parse: (raw: unknown) => T): Cached<T> | null {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  if (cache && cache.file === file && cache.mtimeMs === mtimeMs) {
    return cache;
  }
  try {
    return { file, mtimeMs, value: parse(JSON.parse(fs.readFileSync(file, 'utf8'))) };
  } catch {
    return null;
  }
}

const dateList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string' && isIsoDate(d)) : [];

/** The working-day calendar in force (weekends only when no calendar file is configured). */
export function workCalendar(env: NodeJS.ProcessEnv = process.env): WorkCalendar {
  const file = env.SHANGMI_CALENDAR_FILE;
  if (!file) {
    return { holidays: new Set(), workdays: new Set() };
  }
  calendarCache = readJson(file, calendarCache, (raw) => {
    const data = (raw ?? {}) as { holidays?: unknown; workdays?: unknown };
    return { holidays: new Set(dateList(data.holidays)), workdays: new Set(dateList(data.workdays)) };
  });
  return calendarCache?.value ?? { holidays: new Set(), workdays: new Set() };
}

function clockOffsetDays(env: NodeJS.ProcessEnv): number {
  const file = env.SHANGMI_CLOCK_FILE;
  if (!file) {
    return 0;
  }
  clockCache = readJson(file, clockCache, (raw) => {
    const offset = (raw as { offsetDays?: unknown } | null)?.offsetDays;
    return typeof offset === 'number' && Number.isInteger(offset) && Math.abs(offset) <= 3660 ? offset : 0;
  });
  return clockCache?.value ?? 0;
}

/** YYYY-MM-DD of an instant in China Standard Time (the programme's dates are CST calendar days). */
export function cstDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant (ISO-8601, UTC) at which a China Standard Time calendar day begins: 00:00 +08:00. */
export function cstDayStartIso(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS).toISOString();
}

/** Days from a to b (b − a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Today in China Standard Time, shifted by SHANGMI_CLOCK_FILE on test deployments (the designation workflow's clock). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  return addDays(cstDate(), clockOffsetDays(env));
}

/** Whether a string is a real YYYY-MM-DD calendar date. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A YYYY-MM-DD date moved by whole days (negative moves back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) {
    return true;
  }
  if (calendar.holidays.has(date)) {
    return false;
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  let d = date;
  while (!isWorkingDay(d, calendar)) {
    d = addDays(d, 1);
  }
  return d;
}

/**
 * A period of `count` working days starting on `start` (moved to a working day first): its first and
 * last days, both inclusive.
 */
export function workingDayPeriod(
  start: string,
  count: number,
  calendar: WorkCalendar,
): { first: string; last: string } {
  const first = nextWorkingDay(start, calendar);
  let last = first;
  for (let n = 1; n < count; n += 1) {
    last = nextWorkingDay(addDays(last, 1), calendar);
  }
  return { first, last };
}
