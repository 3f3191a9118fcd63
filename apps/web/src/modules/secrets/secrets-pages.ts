export { RegisterPage } from './pages/register-page';
export { PointDetailPage } from './pages/point-detail-page';
export { PersonnelPage, PersonDetailPage } from './pages/personnel-pages';
export { AgreementsPage } from './pages/agreements-page';
export { OffboardingsPage, OffboardingDetailPage } from './pages/offboarding-pages';
export { AccessLogPage } from './pages/access-log-page';
