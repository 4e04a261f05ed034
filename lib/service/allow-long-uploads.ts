import 'server-only';
import http from 'node:http';

/** A connection that sends nothing for this long is closed (a stalled upload, a slow-loris client). */
const IDLE_MS = 2 * 60 * 1000;

/**
 * Node ends any request still arriving after 5 minutes (`requestTimeout`), which cuts a 1 GiB
 * upload on a link slower than ~3.6 MB/s. `next start` offers no option for it, and it has created
 * and started its HTTP server before instrumentation runs, so we find that server among the
 * process's handles and trade the total-time limit for an idle limit.
 */
export function allowLongUploads(): void {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  const servers = handles.filter((h): h is http.Server => h instanceof http.Server);
  for (const server of servers) {
    server.requestTimeout = 0;
    server.timeout = IDLE_MS;
  }
  if (servers.length === 0) console.warn('[kura] HTTP server not found: uploads taking over 5 minutes will be cut');
}
