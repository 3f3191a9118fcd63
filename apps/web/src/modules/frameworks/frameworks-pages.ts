export { FrameworkListPage } from './pages/framework-list-page';
export { FrameworkVersionPage } from './pages/framework-version-page';
