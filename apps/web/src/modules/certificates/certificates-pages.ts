export { CertificateListPage } from './pages/certificate-list-page';
export { CertificateDetailPage } from './pages/certificate-detail-page';
export { CertificateVerifyPage } from './pages/certificate-verify-page';
