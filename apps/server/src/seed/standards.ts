import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Placeholder: the draft local standard and the 阿胶/化工 guides are being written. */
export async function seedStandards(_db: Kysely<DB>): Promise<void> {}
