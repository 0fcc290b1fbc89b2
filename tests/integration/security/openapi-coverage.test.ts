import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX } from '../../../src/http/access-matrix.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Every API route the access matrix opens is described in the OpenAPI document, with its error responses. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('documents every route under /api/v1, with the problems it can answer', async () => {
    const doc = await (await t.request('GET', '/openapi.json', { token: null })).json();
    const missing = Object.keys(ACCESS_MATRIX).filter((k) => k.includes(' /api/v1/')).filter((key) => {
      const [method, path] = key.split(' ') as [string, string];
      return !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
    for (const path of ['/second-screens/{id}/screen', '/calibration/exercises/{id}/answers', '/teams']) {
      const op = doc.paths[`/api/v1${path}`].post;
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '422']));
    }
  });
});
