// What the activity log records; defined with the table in db/enums.ts.
export {
  AUDIT_ACTOR_TYPES,
  AUDIT_OPERATIONS,
  MEDIA_OPERATIONS,
  SECURITY_OPERATIONS,
  type AuditOperation,
} from '@/db/enums';
