export { ConformanceAnalyticsPage } from './pages/conformance-analytics-page';
