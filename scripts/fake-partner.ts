import { createHash } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';

/**
 * A partner agency as the check protocol describes it (src/domain/checks/README.md): it takes
 * `POST …/check-requests` with `Idempotency-Key: <check id>` and, like any partner that honours the
 * key, answers a repeated key with the reference it gave the first time instead of opening a second
 * request. One first delivery in `failFirstEvery` is refused with a 503, so the dispatchers' retries
 * are exercised too. It counts what arrived, so the run can say how often each key was delivered.
 */
export async function startFakePartner(options: { failFirstEvery: number }) {
  const deliveries = new Map<string, number>(); // key → requests carrying it
  const accepted = new Map<string, string>(); // key → the reference given
  let refused = 0;
  let withoutKey = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      if (req.method !== 'POST' || !req.url?.endsWith('/check-requests')) { res.writeHead(404).end(); return; }
      if (typeof key !== 'string' || key === '') { withoutKey++; res.writeHead(400).end(); return; }
      const seen = deliveries.get(key) ?? 0;
      deliveries.set(key, seen + 1);
      const refuseFirst = (createHash('sha256').update(key).digest()[0] ?? 0) % options.failFirstEvery === 0;
      if (seen === 0 && refuseFirst) { refused++; res.writeHead(503).end(); return; }
      const reference = accepted.get(key) ?? `ref-${accepted.size + 1}`;
      accepted.set(key, reference);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    deliveries,
    accepted,
    get refused() { return refused; },
    get withoutKey() { return withoutKey; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
