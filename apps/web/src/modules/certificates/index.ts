import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./certificates-pages');
export const CertificateListPage = lazyPage(pages, 'CertificateListPage');
export const CertificateDetailPage = lazyPage(pages, 'CertificateDetailPage');
export const CertificateVerifyPage = lazyPage(pages, 'CertificateVerifyPage');

export { useCertificateList } from './hooks/use-certificates';
