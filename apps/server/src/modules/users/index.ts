export { userRoutes } from './users.routes';
export { insertUser, findUserByUsername } from './users.repo';
export { UserSchema } from './users.schemas';
export { type User } from './users.service';
