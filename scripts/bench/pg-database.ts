import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the server for one run; `drop` removes it however the run ended. */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `mash_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await admin(`create database ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return { url: target.toString(), name, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
