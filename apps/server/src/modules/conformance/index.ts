export { conformanceRoutes } from './conformance.routes';
export { commonGaps, heatmap, type CommonGap, type Heatmap, type HeatmapDimension } from './conformance.service';
export { addAssessmentToTallies, rebuildConformanceTallies, removeAssessmentFromTallies } from './conformance.tallies';
