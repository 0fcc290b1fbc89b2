import net from 'node:net';

export type ProxyMode = 'up' | 'refuse' | 'hang';

/**
 * A TCP proxy in front of PostgreSQL that a test can break: refuse new
 * connections, accept them and never answer, or cut a connection the moment
 * the client sends a statement containing some text (the database "dies"
 * mid-transaction), or freeze a connection when it sends some text: from then
 * on no byte passes either way and neither side hears the other close, as in
 * a network partition or a frozen host.
 */
export async function startDbProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let mode: ProxyMode = 'up';
  let cutOn: string | null = null;
  let cuts = 0;
  let freezeOn: string | null = null;
  let freezes = 0;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'hang') return;
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    let frozen = false;
    upstream.on('close', () => { sockets.delete(upstream); if (!frozen) client.destroy(); });
    upstream.on('error', () => { if (!frozen) client.destroy(); });
    client.on('close', () => { if (!frozen) upstream.destroy(); });
    client.on('data', (chunk: Buffer) => {
      if (frozen) return;
      if (freezeOn && chunk.includes(freezeOn)) {
        freezeOn = null;
        freezes++;
        frozen = true;
        return;
      }
      if (cutOn && chunk.includes(cutOn)) {
        cutOn = null;
        cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => { if (!frozen) client.write(chunk); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const dropAll = () => { for (const s of sockets) s.destroy(); };
  return {
    port,
    get cuts() { return cuts; },
    get freezes() { return freezes; },
    async set(next: ProxyMode) {
      mode = next;
      dropAll();
      if (next === 'refuse' && server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      if (next !== 'refuse' && !server.listening) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    cutWhenSent(text: string) { cutOn = text; },
    freezeWhenSent(text: string) { freezeOn = text; },
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
