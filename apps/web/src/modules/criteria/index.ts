import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./criteria-pages');
export const CriteriaPage = lazyPage(pages, 'CriteriaPage');
