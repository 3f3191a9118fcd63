export { AttestationListPage } from './pages/attestation-list-page';
export { AttestationDetailPage } from './pages/attestation-detail-page';
export { AttestationVerifyPage } from './pages/attestation-verify-page';
