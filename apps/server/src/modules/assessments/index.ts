export { assessmentRoutes } from './assessments.routes';
