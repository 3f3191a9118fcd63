export { ProgrammeDashboardPage } from './pages/dashboard-page';
export { ProgrammePlanPage } from './pages/plan-page';
export { ProgrammeAllocationPage } from './pages/allocation-page';
export { WorkItemsPage } from './pages/work-items-page';
export { WorkItemPage } from './pages/work-item-page';
export { MeetingsPage } from './pages/meetings-page';
export { EvaluationPage } from './pages/evaluation-page';
