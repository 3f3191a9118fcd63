export { organizationRoutes } from './organizations.routes';
