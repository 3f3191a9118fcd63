import { addDays as addDaysPure } from './secrets.policy';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in China Standard Time (YYYY-MM-DD): agreements, due dates and payments are CST dates. */
export const cstToday = (at: Date = new Date()): string =>
  new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

export const addDays = addDaysPure;
