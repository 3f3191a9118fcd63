export { certificateRoutes } from './certificates.routes';
