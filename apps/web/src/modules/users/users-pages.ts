export { UserListPage } from './pages/user-list-page';
