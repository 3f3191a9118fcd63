import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./assessments-pages');
export const AssessmentListPage = lazyPage(pages, 'AssessmentListPage');
export const AssessmentPage = lazyPage(pages, 'AssessmentPage');
export const ReviewQueuePage = lazyPage(pages, 'ReviewQueuePage');
export const ReviewPage = lazyPage(pages, 'ReviewPage');

export { useAssessmentList } from './hooks/use-assessments';
export { AssessmentTable, type AssessmentTableMode } from './components/assessment-table';
