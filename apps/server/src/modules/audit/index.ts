export {
  writeAudit,
  listAudit,
  entityHistory,
  verifyAuditChain,
  type AuditEntry,
  type AuditTrace,
} from './audit.service';
export { auditRoutes } from './audit.routes';
