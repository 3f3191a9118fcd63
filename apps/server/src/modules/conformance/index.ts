export { conformanceRoutes } from './conformance.routes';
