import { randomUUID } from 'node:crypto';

/** Ids are made in application code (no database defaults), so both dialects behave the same. */
export const newId = (): string => randomUUID();

export const nowIso = (): string => new Date().toISOString();
