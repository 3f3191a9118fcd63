import type { Actor } from '../../lib/context';
import type { CampaignScope } from './campaigns.repo';

const CITY_WIDE = ['city_admin', 'dept_officer', 'association_staff'];
const REGIONAL = ['county_admin', 'station_staff'];

/** City-wide roles see every campaign; county admins and station staff the city's and their own region's. */
export function campaignScope(actor: Actor): CampaignScope {
  if (actor.roles.some((r) => CITY_WIDE.includes(r))) {
    return { kind: 'all' };
  }
  if (actor.roles.some((r) => REGIONAL.includes(r))) {
    return { kind: 'region', path: actor.regionPath };
  }
  return { kind: 'none' };
}

export function canViewCampaign(actor: Actor, ownerRegionPath: string): boolean {
  const scope = campaignScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return scope.path.startsWith(ownerRegionPath) || ownerRegionPath.startsWith(scope.path);
    case 'none':
      return false;
  }
}

/** City admins manage every campaign; county admins those owned by their region (or below it). */
export function canManageCampaign(actor: Actor, ownerRegionPath: string): boolean {
  if (actor.roles.includes('city_admin')) {
    return true;
  }
  return actor.roles.includes('county_admin') && ownerRegionPath.startsWith(actor.regionPath);
}
