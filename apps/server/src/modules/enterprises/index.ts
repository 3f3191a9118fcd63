export { enterpriseRoutes } from './enterprises.routes';
export { EnterpriseSchema } from './enterprises.schemas';
export { enterpriseFieldProblems, toInsert, type EnterpriseInput, type RegistryLookups } from './enterprises.rules';
export { insertEnterprises, findExistingUsccs } from './enterprises.repo';
export { canManageInRegion } from './enterprises.policy';
export { enterpriseImportRoutes } from './enterprises.import.routes';
