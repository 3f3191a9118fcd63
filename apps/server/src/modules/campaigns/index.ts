export { campaignRoutes } from './campaigns.routes';
