export { frameworkRoutes } from './frameworks.routes';
export * from './frameworks.content';
