export { frameworkRoutes } from './frameworks.routes';
export * from './frameworks.content';
export {
  assessmentBasis,
  frozenRequirements,
  frameworksExist,
  installPublishedFramework,
  type FrameworkInstall,
  type Framework,
  loadVersion,
  versionLabel,
  type AssessmentBasis,
  type FrameworkKind,
  type Version,
  type VersionStatus,
  type VersionSummary,
} from './frameworks.service';
