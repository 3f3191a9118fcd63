import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./campaigns-pages');
export const CampaignListPage = lazyPage(pages, 'CampaignListPage');
export const CampaignCreatePage = lazyPage(pages, 'CampaignCreatePage');
export const CampaignDetailPage = lazyPage(pages, 'CampaignDetailPage');
