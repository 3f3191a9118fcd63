import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./designations-pages');
export const ApplicationListPage = lazyPage(pages, 'ApplicationListPage');
export const ApplicationCreatePage = lazyPage(pages, 'ApplicationCreatePage');
export const ApplicationDetailPage = lazyPage(pages, 'ApplicationDetailPage');
export const DesignationListPage = lazyPage(pages, 'DesignationListPage');
export const DesignationDetailPage = lazyPage(pages, 'DesignationDetailPage');
export const ReviewListPage = lazyPage(pages, 'ReviewListPage');
export const ExpertTiesPage = lazyPage(pages, 'ExpertTiesPage');
export const PublicDesignationsPage = lazyPage(pages, 'PublicDesignationsPage');
export const PublicNoticesPage = lazyPage(pages, 'PublicNoticesPage');
