export { EnterpriseListPage } from './pages/enterprise-list-page';
export { EnterpriseDetailPage } from './pages/enterprise-detail-page';
export { EnterpriseCreatePage } from './pages/enterprise-create-page';
export { EnterpriseEditPage } from './pages/enterprise-edit-page';
export { EnterpriseImportPage } from './pages/enterprise-import-page';
export {
  useEnterprise,
  useEnterpriseCount,
  useEnterpriseCountsByIndustry,
  useIndustries,
  type IndustryCount,
} from './hooks/use-enterprises';
export { EnterpriseStatusTag } from './components/enterprise-status-tag';
export { HonourTags } from './components/honour-tags';
