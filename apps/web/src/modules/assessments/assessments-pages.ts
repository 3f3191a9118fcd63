export { AssessmentListPage } from './pages/assessment-list-page';
export { AssessmentPage } from './pages/assessment-page';
export { ReviewQueuePage } from './pages/review-queue-page';
export { ReviewPage } from './pages/review-page';
