export { OrganizationListPage } from './pages/organization-list-page';
export { OrganizationEditPage } from './pages/organization-edit-page';
