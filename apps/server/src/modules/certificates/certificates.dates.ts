/**
 * Calendar dates of certificates: issued and expiring on China Standard Time days, whatever the server's
 * own zone is. The functions are the platform's (lib/calendar.ts).
 */
export { addDays, cstDate, cstDayStartIso, isIsoDate } from '../../lib/calendar';
