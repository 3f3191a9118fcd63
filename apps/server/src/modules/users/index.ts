export { userRoutes } from './users.routes';
export { insertUser, findUserByUsername } from './users.repo';
