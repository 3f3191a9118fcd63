export { LoginPage } from './pages/login-page';
export { ChangePasswordModal } from './components/change-password-modal';
export { useAuthMessages } from './messages';
