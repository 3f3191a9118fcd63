import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./analytics-pages');
export const ConformanceAnalyticsPage = lazyPage(pages, 'ConformanceAnalyticsPage');
