export { stationRoutes } from './stations.routes';
export { StationSchema, PlaceStatusSchema, PublicMapSchema } from './stations.schemas';
export { coordinateProblems, toMicro, fromMicro } from './stations.rules';
export { canViewPlace, canManagePlaceInRegion, placeScopePath } from './stations.policy';
export { countyOf, publicMap } from './stations.service';
export { placeListRegionPaths, setPlaceArchived } from './stations.places';
export {
  findOrganization,
  findServiceStationRow,
  insertOrganization,
  insertStation,
  replaceServices,
  replaceStaff,
} from './stations.repo';
