import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./secrets-pages');
export const RegisterPage = lazyPage(pages, 'RegisterPage');
export const PointDetailPage = lazyPage(pages, 'PointDetailPage');
export const PersonnelPage = lazyPage(pages, 'PersonnelPage');
export const PersonDetailPage = lazyPage(pages, 'PersonDetailPage');
export const AgreementsPage = lazyPage(pages, 'AgreementsPage');
export const OffboardingsPage = lazyPage(pages, 'OffboardingsPage');
export const OffboardingDetailPage = lazyPage(pages, 'OffboardingDetailPage');
export const AccessLogPage = lazyPage(pages, 'AccessLogPage');
export { SecretAttentionCard } from './components/secret-attention-card';
