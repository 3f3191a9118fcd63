export { certificateRoutes } from './certificates.routes';
export {
  certificateForAssessment,
  certificateStatus,
  conformingByRegion,
  countConformingEnterprises,
  issueCertificate,
  type AssessmentCertificate,
  type Certificate,
  type IssueCertificateInput,
} from './certificates.service';
export { runCertificateRenewals, startCertificateJobs, type RenewalRun } from './certificates.jobs';
export { verificationUrl } from './certificates.pdf';
