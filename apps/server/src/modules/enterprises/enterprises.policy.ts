import type { Actor } from '../../lib/context';
import { enterpriseScope, inScope } from '../../plugins/authz';

export interface EnterpriseRecord {
  id: string;
  regionPath: string;
}

export function canViewEnterprise(actor: Actor, record: EnterpriseRecord): boolean {
  return inScope(enterpriseScope(actor), { regionPath: record.regionPath, enterpriseId: record.id });
}

/** City admins anywhere; county admins inside their region. */
export function canManageInRegion(actor: Actor, regionPath: string): boolean {
  if (actor.roles.includes('city_admin')) {
    return true;
  }
  return actor.roles.includes('county_admin') && regionPath.startsWith(actor.regionPath);
}

/** An enterprise admin edits their own enterprise's contact details; region, USCC and status stay with government. */
export function canEditOwnEnterprise(actor: Actor, record: EnterpriseRecord): boolean {
  return actor.roles.includes('enterprise_admin') && actor.enterpriseId === record.id;
}

export const OWN_ENTERPRISE_EDITABLE = [
  'address',
  'contactName',
  'contactPhone',
  'contactEmail',
  'employees',
  'legalRepresentative',
  'size',
] as const;
