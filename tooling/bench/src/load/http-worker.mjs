// Worker thread: autocannon against the app on loopback, off the app's event loop, keeping
// every response time so p95 is exact (autocannon's own summary has p90 and p97.5 only).
import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';

const { url, method, headers, body, connections, seconds, expectStatus } = workerData;
const latencies = [];
let unexpected = 0;

const instance = autocannon({ url, method, headers, body, connections, duration: seconds });
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode === expectStatus) latencies.push(responseTime);
  else unexpected += 1;
});
instance.on('done', (result) => {
  parentPort.postMessage({
    latencies,
    unexpected: unexpected + result.errors + result.timeouts,
    seconds: result.duration,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
  });
});
