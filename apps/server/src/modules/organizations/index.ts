export { organizationRoutes } from './organizations.routes';
export { OrganizationSchema } from './organizations.schemas';
export { organizationFacts, type Organization } from './organizations.service';
