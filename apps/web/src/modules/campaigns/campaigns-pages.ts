export { CampaignListPage } from './pages/campaign-list-page';
export { CampaignCreatePage } from './pages/campaign-create-page';
export { CampaignDetailPage } from './pages/campaign-detail-page';
