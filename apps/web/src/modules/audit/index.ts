import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./audit-pages');
export const AuditLogPage = lazyPage(pages, 'AuditLogPage');
