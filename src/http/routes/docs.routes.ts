import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../env.js';

interface Operation { summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean }[]; responses?: Record<string, { description?: string }> }
type Document = { info: { title: string; version: string; description?: string }; paths?: Record<string, Record<string, Operation>> };

/**
 * A readable page of the OpenAPI document, rendered on the server with no
 * script or stylesheet from elsewhere (council networks often block CDNs).
 */
export function docsRoutes(getDocument: () => Document) {
  const app = new Hono<AppEnv>();
  app.get('/docs', (c) => {
    const doc = getDocument();
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${doc.info.title} API</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f2f1;padding:0 .2rem}section{border-top:1px solid #b1b4b6;padding:.5rem 0}.m{font-weight:bold;display:inline-block;min-width:4rem}</style>
</head><body><h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>${doc.info.description ?? ''}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${raw(operations.map(({ path, method, op }) => html`<section><h2><span class="m">${method}</span> <code>${path}</code></h2>
<p>${op.summary ?? ''}</p>${op.description ? html`<p>${op.description}</p>` : ''}
${op.parameters?.length ? html`<p>Parameters: ${op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ', required' : ''})`).join('; ')}</p>` : ''}
<ul>${raw(Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${r.description ?? ''}</li>`).join(''))}</ul></section>`).join(''))}
</body></html>`);
  });
  return app;
}
