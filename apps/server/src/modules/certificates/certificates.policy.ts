import type { Actor } from '../../lib/context';
import { enterpriseScope, inScope } from '../../plugins/authz';

export interface CertificateRecord {
  enterpriseId: string;
  /** The holder enterprise's region path. */
  regionPath: string;
}

/** Readers: the same reach as over enterprises (city-wide roles, own region's subtree, own enterprise). */
export function canViewCertificate(actor: Actor, record: CertificateRecord): boolean {
  return inScope(enterpriseScope(actor), record);
}

/** Revocation: the city admin, or a county admin whose region contains the holder. */
export function canRevokeCertificate(actor: Actor, record: CertificateRecord): boolean {
  if (actor.roles.includes('city_admin')) {
    return true;
  }
  return actor.roles.includes('county_admin') && record.regionPath.startsWith(actor.regionPath);
}
