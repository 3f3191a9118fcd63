import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./auth-pages');
export const LoginPage = lazyPage(pages, 'LoginPage');

export { ChangePasswordModal } from './components/change-password-modal';
export { useAuthMessages } from './messages';
