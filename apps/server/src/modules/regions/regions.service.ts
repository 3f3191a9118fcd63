import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import * as repo from './regions.repo';

export interface RegionNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  children: RegionNode[];
}

/** The region tree (city → counties and zones → towns), roots first. Public: region names are not sensitive. */
export async function regionTree(db: Kysely<DB>): Promise<RegionNode[]> {
  const rows = await repo.listRegions(db);
  const nodes = new Map<string, RegionNode>();
  for (const row of rows) {
    nodes.set(row.id, {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      parentId: row.parent_id,
      children: [],
    });
  }
  const roots: RegionNode[] = [];
  for (const row of [...rows].sort((a, b) => a.sort_order - b.sort_order)) {
    const node = nodes.get(row.id);
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    if (node && parent) {
      parent.children.push(node);
    } else if (node) {
      roots.push(node);
    }
  }
  return roots;
}

export const findRegion = repo.findRegion;
export const findIndustry = repo.findIndustry;
export const listIndustries = repo.listIndustries;

/** Lookups for validating many records at once (forms, imports): one query each, then in memory. */
export async function regionLookups(db: Kysely<DB>) {
  const [regions, industries] = await Promise.all([repo.listRegions(db), repo.listIndustries(db)]);
  const paths = new Map(regions.map((r) => [r.id, r.path]));
  const codes = new Set(industries.map((i) => i.code));
  return {
    regionPath: (regionId: string) => paths.get(regionId),
    industryExists: (code: string) => codes.has(code),
    regions,
    industries,
  };
}
