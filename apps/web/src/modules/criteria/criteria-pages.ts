export { CriteriaPage } from './pages/criteria-page';
