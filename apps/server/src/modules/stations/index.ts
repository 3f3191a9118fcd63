export { stationRoutes } from './stations.routes';
export {
  StationSchema,
  STATION_HOST_KINDS,
  STATION_HOST_KIND_LABELS,
  STATION_SERVICES,
  STATION_SERVICE_LABELS,
  PLACE_STATUSES,
  PlaceStatusSchema,
  PublicMapSchema,
  type StationService,
} from './stations.schemas';
export { PLACE_BOUNDS, coordinateProblems, toMicro, fromMicro } from './stations.rules';
export { canViewPlace, canManagePlaceInRegion, placeScopePath } from './stations.policy';
export { countyOf, publicMap } from './stations.service';
export {
  findOrganization,
  findServiceStationRow,
  insertOrganization,
  insertStation,
  replaceServices,
  replaceStaff,
} from './stations.repo';
