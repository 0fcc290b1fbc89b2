import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const here = dirname(fileURLToPath(import.meta.url));

/** Files read once at start-up: the GOV.UK Frontend bundle and this service's own small stylesheet and script. */
const FILES: Record<string, [string, string]> = {
  '/ui/govuk-frontend.min.css': [join(govuk, 'govuk-frontend.min.css'), 'text/css; charset=utf-8'],
  '/ui/govuk-frontend.min.js': [join(govuk, 'govuk-frontend.min.js'), 'text/javascript; charset=utf-8'],
  '/ui/app.css': [join(here, 'assets', 'app.css'), 'text/css; charset=utf-8'],
  '/ui/app.js': [join(here, 'assets', 'app.js'), 'text/javascript; charset=utf-8'],
  '/assets/images/favicon.ico': [join(govuk, 'assets', 'images', 'favicon.ico'), 'image/x-icon'],
};

interface Asset { body: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; type: string; hash: string }

const ASSETS: Map<string, Asset> = new Map(Object.entries(FILES).map(([path, [file, type]]) => {
  const body = readFileSync(file);
  return [path, { body, gzip: new Uint8Array(gzipSync(body, { level: 9 })), type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) }];
}));

/** An asset's address with its content hash, so that it can be cached for a year and still change with a release. */
export function assetHref(path: string): string {
  const asset = ASSETS.get(path);
  return asset ? `${path}?v=${asset.hash}` : path;
}

/** Each file compressed once at start-up; sent gzipped to browsers that take it. */
export function staticRoutes() {
  const app = new Hono();
  for (const [path, asset] of ASSETS) {
    app.get(path, (c) => {
      const headers: Record<string, string> = {
        'content-type': asset.type, etag: `"${asset.hash}"`, vary: 'Accept-Encoding',
        'cache-control': c.req.query('v') === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      };
      if (c.req.header('if-none-match') === `"${asset.hash}"`) return c.body(null, 304, headers);
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(asset.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
      return c.body(asset.body, 200, headers);
    });
  }
  return app;
}
