export { StationListPage } from './pages/station-list-page';
export { StationCreatePage, StationEditPage } from './pages/station-edit-page';
export { StationDetailPage } from './pages/station-detail-page';
export { BaseCreatePage, BaseEditPage, BaseListPage } from './pages/base-pages';
export { PublicStationsPage } from './pages/public-stations-page';
export { PublicMapPage } from './pages/public-map-page';
