import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./home-pages');
export const HomePage = lazyPage(pages, 'HomePage');
