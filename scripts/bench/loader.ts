import autocannon from 'autocannon';

/**
 * The load generator, in its own process so that it does not share an event
 * loop with the service it measures. The parent sends one job per message
 * and gets one summary back.
 */
export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  bodies: string[];
  /** Bearer tokens taken in turn, one a request (the contacts spread over their authorities); else headers' own. */
  tokens?: string[];
}

export interface LoadSummary {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

function run(job: LoadJob): Promise<LoadSummary> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon({
      url: job.url,
      method: 'POST',
      connections: job.connections,
      duration: job.durationSeconds,
      headers: job.headers,
      timeout: 30,
      // Each request takes the next contact, whichever connection sends it.
      requests: [{
        method: 'POST',
        setupRequest: (request) => {
          const n = next++;
          const tokens = job.tokens;
          const body = job.bodies[n % job.bodies.length]!;
          if (!tokens || tokens.length === 0) return { ...request, body };
          return { ...request, body, headers: { ...request.headers, authorization: `Bearer ${tokens[n % tokens.length]}` } };
        },
      }],
    }, (error, result) => {
      if (error) return reject(error);
      const seconds = result.duration;
      resolve({
        requests: result.requests.total,
        seconds,
        requestsPerSecond: result.requests.total / seconds,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        timeouts: result.timeouts,
      });
    });
  });
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (summary) => process.send!({ ok: true, summary }),
    (error: unknown) => process.send!({ ok: false, error: String(error) }),
  );
});
