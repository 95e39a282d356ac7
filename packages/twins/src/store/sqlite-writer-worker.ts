/**
 * The body of the SQLite writer thread, started with `new Worker(source, { eval: true })`.
 *
 * Why a string of plain JavaScript: a worker cannot load the package's `.ts` sources (jest runs them
 * through swc in the main thread only), while a separate `.js` file would need copying into `dist`.
 * An eval'd worker is CommonJS, so it `require`s the better-sqlite3 path the main thread resolved.
 *
 * Protocol: `{ id, things, policies }` (rows as parameter arrays) → one `BEGIN IMMEDIATE`
 * transaction → `{ id }` or `{ id, failure: { message, code } }` (better-sqlite3's errors do not survive
 * structured cloning); `null` closes the connection and ends the thread.
 */
export const SQLITE_WRITER_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
const putThing = db.prepare(workerData.putThing);
const putPolicy = db.prepare(workerData.putPolicy);
const commit = db.transaction((batch) => {
  for (const row of batch.policies) putPolicy.run(row);
  for (const row of batch.things) putThing.run(row);
});
parentPort.on('message', (batch) => {
  if (batch === null) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    commit.immediate(batch);
    parentPort.postMessage({ id: batch.id });
  } catch (error) {
    parentPort.postMessage({ id: batch.id, failure: { message: String(error && error.message), code: error && error.code } });
  }
});
`;
