import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./enterprises-pages');
export const EnterpriseListPage = lazyPage(pages, 'EnterpriseListPage');
export const EnterpriseDetailPage = lazyPage(pages, 'EnterpriseDetailPage');
export const EnterpriseCreatePage = lazyPage(pages, 'EnterpriseCreatePage');
export const EnterpriseEditPage = lazyPage(pages, 'EnterpriseEditPage');
export const EnterpriseImportPage = lazyPage(pages, 'EnterpriseImportPage');

export {
  useEnterprise,
  useEnterpriseCount,
  useEnterpriseCountsByIndustry,
  useEnterpriseList,
  useIndustries,
  type IndustryCount,
} from './hooks/use-enterprises';
export { EnterpriseStatusTag } from './components/enterprise-status-tag';
export { HonourTags } from './components/honour-tags';
