import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export function staticRoutes() {
  const app = new Hono();
  for (const [path, [file, type]] of Object.entries(FILES)) {
    const body = readFileSync(file);
    app.get(path, (c) => c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' }));
  }
  return app;
}
