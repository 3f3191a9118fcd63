import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./frameworks-pages');
export const FrameworkListPage = lazyPage(pages, 'FrameworkListPage');
export const FrameworkVersionPage = lazyPage(pages, 'FrameworkVersionPage');

export { usePublishedStandardVersions, type VersionOption } from './hooks/use-frameworks';
export { RequirementTags } from './components/requirement-tags';
