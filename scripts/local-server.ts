import net from 'node:net';
import pg from 'pg';

/** What the crash test and the multi-instance run share: ports for the instances they start, and the admin database. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free on loopback now, for a service instance to listen on. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One statement on the server's admin database (create or drop the run's own database). */
export async function adminStatement(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try { await client.query(statement); } finally { await client.end(); }
}
