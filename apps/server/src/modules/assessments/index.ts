export { assessmentRoutes } from './assessments.routes';
export { AssessmentSummarySchema } from './assessments.schemas';
export {
  assessmentFilter,
  assessmentPage,
  assessmentStatusCounts,
  openAssessment,
  pendingAssessments,
  type AssessmentSummary,
  type OpenAssessmentInput,
} from './assessments.service';
export { canEditAssessment, canViewAssessment, type AssessmentRecord } from './assessments.policy';
export { getAssessment } from './assessments.service';
