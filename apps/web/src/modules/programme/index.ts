import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./programme-pages');
export const ProgrammeDashboardPage = lazyPage(pages, 'ProgrammeDashboardPage');
export const ProgrammePlanPage = lazyPage(pages, 'ProgrammePlanPage');
export const ProgrammeAllocationPage = lazyPage(pages, 'ProgrammeAllocationPage');
export const WorkItemsPage = lazyPage(pages, 'WorkItemsPage');
export const WorkItemPage = lazyPage(pages, 'WorkItemPage');
export const MeetingsPage = lazyPage(pages, 'MeetingsPage');
export const EvaluationPage = lazyPage(pages, 'EvaluationPage');
