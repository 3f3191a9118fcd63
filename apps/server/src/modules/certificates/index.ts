export { certificateRoutes } from './certificates.routes';
export {
  certificateStatus,
  conformingByRegion,
  countConformingEnterprises,
  issueCertificate,
  type Certificate,
  type IssueCertificateInput,
} from './certificates.service';
export { runCertificateRenewals, startCertificateJobs, type RenewalRun } from './certificates.jobs';
export { verificationUrl } from './certificates.pdf';
