// The PostgreSQL connection behind tests/support/sql.ts: tests read and seed a server's database
// synchronously, so each query is sent here and the caller waits on a shared flag until the answer is posted.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, flag } = workerData;
const client = new pg.Client({ connectionString: url });
const connected = client.connect();

port.on('message', async (sql) => {
  let reply;
  try {
    await connected;
    const result = await client.query(sql);
    // Several statements answer one result each; a read is always one statement.
    reply = { rows: Array.isArray(result) ? [] : result.rows };
  } catch (err) {
    reply = { error: err.message };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
