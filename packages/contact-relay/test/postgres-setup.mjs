// One PostgreSQL server for a whole `node --test` run with WW_RELAY_STORE=postgres
// (scripts/test.mjs passes this file with --import): the runner starts it
// before any test file and hands its URL to every test process in WW_PG_URL;
// the test processes, which load this file too, find the URL and start nothing.
import { postgresMissing, startPostgres } from './postgres.mjs';

if (!process.env.WW_PG_URL) {
  const missing = postgresMissing();
  if (missing && process.env.CI) throw new Error(missing);
  if (missing) {
    // postgresMissing() has said loudly why; nothing runs, nothing fails.
    process.exit(0);
  }
  const cluster = await startPostgres();
  process.env.WW_PG_URL = cluster.url;
  // postgres.mjs also stops it at exit, should the run end abruptly.
  process.once('beforeExit', () => void cluster.stop());
}
