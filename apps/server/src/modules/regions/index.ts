export { regionRoutes } from './regions.routes';
export { RegionNodeSchema } from './regions.schemas';
export { findRegion, findIndustry, regionTree, regionLookups, listIndustries } from './regions.service';
