// One autocannon load in a worker thread, so the client's own work (building requests, parsing
// answers) runs beside the server's event loop instead of on it. Plain JavaScript: a worker's
// entry is loaded before any TypeScript loader is registered in its thread. The request and the
// reply are typed as LoadRequest and LoadReply in http.ts.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const req = workerData;
const headers = req.token ? { authorization: `Bearer ${req.token}` } : {};
const latencies = [];
const instance = autocannon(
  {
    url: req.url,
    connections: req.connections,
    duration: req.seconds,
    // A slow answer under load is a figure, not a failure.
    timeout: 30,
    requests: req.paths.map((path) => ({ method: 'GET', path, headers })),
  },
  (err, result) => {
    if (err) throw err;
    parentPort.postMessage({
      latencies,
      // Inside a worker thread autocannon hands back raw totals (its histograms come encoded).
      total: result.totalCompletedRequests,
      duration: result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
    });
  },
);
instance.on('response', (_client, status, _bytes, ms) => {
  if (status < 300) latencies.push(ms);
});
