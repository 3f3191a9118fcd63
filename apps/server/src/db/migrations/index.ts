import type { Migration } from 'kysely/migration';
import * as foundation from './20261126T0001-foundation';
import * as standards from './20261126T0002-standards';
import * as notificationReads from './20261127T0003-notification-reads';
import * as conformanceTallies from './20261127T0004-conformance-tallies';
import * as places from './20261127T0005-places';
import * as designations from './20261127T0006-designations';
import * as secrets from './20261127T0007-secrets';
import * as attestations from './20261127T0008-attestations';
import * as programme from './20261127T0009-programme';

/** Every migration, in order. Files are frozen once merged; add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '20261126T0001-foundation': foundation,
  '20261126T0002-standards': standards,
  '20261127T0003-notification-reads': notificationReads,
  '20261127T0004-conformance-tallies': conformanceTallies,
  '20261127T0005-places': places,
  '20261127T0006-designations': designations,
  '20261127T0007-secrets': secrets,
  '20261127T0008-attestations': attestations,
  '20261127T0009-programme': programme,
};
