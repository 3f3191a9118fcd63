export { criteriaRoutes } from './criteria.routes';
export { CriteriaVersionSchema } from './criteria.schemas';
export { currentCriteria, criteriaVersionById, criteriaProblems, toItemRows, CRITERIA_TOTAL } from './criteria.service';
export { findByKindVersion, insertVersion, replaceItems } from './criteria.repo';
