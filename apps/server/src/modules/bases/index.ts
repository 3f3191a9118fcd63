export { baseRoutes } from './bases.routes';
export { BaseSchema, BASE_HOST_KINDS, BASE_HOST_KIND_LABELS, type BaseHostKind } from './bases.schemas';
export { insertBase, replaceEnterprises } from './bases.repo';
