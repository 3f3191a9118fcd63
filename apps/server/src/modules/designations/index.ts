export { designationRoutes } from './designations.routes';
export { countDesignations, designationSpans } from './designations.counts';
export type { DesignationCount, DesignationSpan } from './designations.counts';
export { startDesignationJobs } from './designations.jobs';
