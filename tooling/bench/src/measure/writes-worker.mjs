// Worker thread: each writer PATCHes its own program with the ETag of the previous answer
// (If-Match), so every write is a real versioned change with its audit event.
/* global performance, fetch */
import { parentPort, workerData } from 'node:worker_threads';

const { origin, ids, headers, seconds } = workerData;
const latencies = [];
let errors = 0;
const started = performance.now();
const deadline = started + seconds * 1000;

async function writer(id, index) {
  let etag = '*';
  let n = 0;
  while (performance.now() < deadline) {
    n += 1;
    const t0 = performance.now();
    const response = await fetch(`${origin}/api/v1/programs/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ title: `Benchmark write ${index}.${n}` }),
    });
    await response.arrayBuffer();
    if (response.status === 200) {
      latencies.push(performance.now() - t0);
      etag = response.headers.get('etag') ?? '*';
    } else {
      errors += 1;
    }
  }
}

await Promise.all(ids.map(writer));
parentPort.postMessage({ latencies, errors, seconds: (performance.now() - started) / 1000 });
