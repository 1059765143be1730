// Worker thread: autocannon against the app on loopback, off the app's event loop, keeping
// every response time so p95 is exact (autocannon's own summary has p90 and p97.5 only).
import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';

const { url, method, headers, body, connections, seconds, expectStatus } = workerData;
const latencies = [];
let unexpected = 0;

/** One autocannon run (for `duration` seconds, or until `amount` answers); resolves its result. */
function run(limits) {
  // A slow answer (seconds at 100×) is waited for, not counted as an error after autocannon's 10 s.
  const instance = autocannon({ url, method, headers, body, connections, timeout: 120, ...limits });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === expectStatus) latencies.push(responseTime);
    else unexpected += 1;
  });
  return new Promise((resolve) => instance.on('done', resolve));
}

let result = await run({ duration: seconds });
// autocannon drops the requests still in flight when its time is up, so a request slower than
// the whole load left no time at all. Like the SQL load (whose callers finish their last call),
// let each connection complete one request instead.
if (latencies.length === 0 && unexpected + result.errors + result.timeouts === 0) {
  result = await run({ amount: connections });
}
parentPort.postMessage({
  latencies,
  unexpected: unexpected + result.errors + result.timeouts,
  seconds: result.duration,
  bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
});
