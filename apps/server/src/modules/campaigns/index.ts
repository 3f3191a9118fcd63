export { campaignRoutes } from './campaigns.routes';
export { runCampaignReminders, REMINDER_DAYS } from './campaigns.service';
export { startCampaignReminders, type ScheduledJob } from './campaigns.jobs';
