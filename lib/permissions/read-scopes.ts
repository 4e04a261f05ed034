// Which media a role may read; defined with the table in db/enums.ts.
export { MEDIA_READ_SCOPES, type MediaReadScope } from '@/db/enums';
