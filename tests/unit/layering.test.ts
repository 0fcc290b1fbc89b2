import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Data flows one way: route → schema → verb → rules → repository → audit. Schemas (the wire contract and its
// vocabularies) and lib (clock, ids, dates, statistics) sit under everything, so they may import from each other
// and from packages, never from a layer that builds on them. biome.jsonc says the same in the editor; this test
// also catches dynamic imports and re-exports, and any depth of ../.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const BOTTOM = ['schemas', 'lib'];
const ABOVE = ['rules', 'db', 'domain', 'http', 'web', 'audit', 'auth', 'clients', 'app.ts', 'deps.ts', 'config.ts', 'main.ts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file names: import … from, export … from, import '…', import('…'). */
function specifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return found.filter((s): s is string => s !== undefined);
}

/** The first folder (or file) under src/ that a relative import lands in; null for a package. */
function layerOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(SRC, resolve(dirname(file), specifier));
  return target.startsWith('..') ? '(outside src)' : (target.split(sep)[0] ?? null);
}

describe('layering', () => {
  it('finds the imports it is meant to judge', () => {
    expect(specifiers(`import { z } from '@hono/zod-openapi';\nexport { a } from './a.js';\nconst m = await import('../rules/x.js');`))
      .toEqual(['@hono/zod-openapi', './a.js', '../rules/x.js']);
  });

  it('keeps schemas and lib free of imports from the layers above them', () => {
    const files = BOTTOM.flatMap((layer) => sourceFiles(join(SRC, layer)));
    expect(files.length).toBeGreaterThan(20);
    const backward = files.flatMap((file) => {
      const own = relative(SRC, file).split(sep)[0];
      return specifiers(readFileSync(file, 'utf8'))
        .map((specifier) => ({ specifier, layer: layerOf(file, specifier) }))
        .filter(({ layer }) => layer !== null && layer !== own && (ABOVE.includes(layer) || layer === '(outside src)'))
        .map(({ specifier }) => `${relative(SRC, file)} imports ${specifier}`);
    });
    expect(backward).toEqual([]);
  });
});
