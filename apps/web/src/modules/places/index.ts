import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./places-pages');
export const StationListPage = lazyPage(pages, 'StationListPage');
export const StationCreatePage = lazyPage(pages, 'StationCreatePage');
export const StationEditPage = lazyPage(pages, 'StationEditPage');
export const StationDetailPage = lazyPage(pages, 'StationDetailPage');
export const BaseListPage = lazyPage(pages, 'BaseListPage');
export const BaseCreatePage = lazyPage(pages, 'BaseCreatePage');
export const BaseEditPage = lazyPage(pages, 'BaseEditPage');
export const PublicStationsPage = lazyPage(pages, 'PublicStationsPage');
export const PublicMapPage = lazyPage(pages, 'PublicMapPage');
