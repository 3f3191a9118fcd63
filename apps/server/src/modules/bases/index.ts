export { baseRoutes } from './bases.routes';
export { BaseSchema } from './bases.schemas';
export { insertBase, replaceEnterprises } from './bases.repo';
