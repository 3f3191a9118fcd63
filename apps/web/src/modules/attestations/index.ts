import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./attestations-pages');
export const AttestationListPage = lazyPage(pages, 'AttestationListPage');
export const AttestationDetailPage = lazyPage(pages, 'AttestationDetailPage');
export const AttestationVerifyPage = lazyPage(pages, 'AttestationVerifyPage');

export { AttestationEvidencePanel } from './components/attestation-evidence-panel';
