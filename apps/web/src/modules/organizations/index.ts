import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./organizations-pages');
export const OrganizationListPage = lazyPage(pages, 'OrganizationListPage');
export const OrganizationEditPage = lazyPage(pages, 'OrganizationEditPage');

export { useOrganizationList } from './hooks/use-organizations';
