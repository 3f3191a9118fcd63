export { criteriaRoutes } from './criteria.routes';
export { CriteriaVersionSchema, CRITERIA_KINDS, CRITERIA_KIND_LABELS, type CriteriaKind } from './criteria.schemas';
export { currentCriteria, criteriaProblems, toItemRows, CRITERIA_TOTAL } from './criteria.service';
export { findByKindVersion, insertVersion, replaceItems } from './criteria.repo';
