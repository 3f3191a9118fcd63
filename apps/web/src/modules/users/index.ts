import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./users-pages');
export const UserListPage = lazyPage(pages, 'UserListPage');
