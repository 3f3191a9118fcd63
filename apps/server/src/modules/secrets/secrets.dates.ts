/** Dates of the register (agreements, due dates, payments): China Standard Time days (lib/calendar.ts). */
export { addDays, cstDate as cstToday } from '../../lib/calendar';
