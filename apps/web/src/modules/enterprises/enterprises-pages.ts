export { EnterpriseListPage } from './pages/enterprise-list-page';
export { EnterpriseDetailPage } from './pages/enterprise-detail-page';
export { EnterpriseCreatePage } from './pages/enterprise-create-page';
export { EnterpriseEditPage } from './pages/enterprise-edit-page';
export { EnterpriseImportPage } from './pages/enterprise-import-page';
