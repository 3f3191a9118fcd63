export { RegionsPage } from './pages/regions-page';
