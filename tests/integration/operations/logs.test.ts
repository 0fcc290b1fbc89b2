import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Values that identify a child or family, planted in requests; none may reach a log line. */
const MARKERS = {
  givenName: 'Zephyrine',
  familyName: 'Quillfeather',
  referrerName: 'Ottoline Marchbanks',
  adultPersonId: 'P-778899',
  dateOfBirth: '2019-07-23',
  nhsNumber: '4837291058',
  narrative: 'lantern keeper whispered about the bruises',
};

const markedContact = (overrides: Record<string, unknown> = {}) => ({
  ...quietContact({
    referrer: { source: '1D', name: MARKERS.referrerName, spokenToDirectly: true },
    children: [child({ givenName: MARKERS.givenName, familyName: MARKERS.familyName, dateOfBirth: MARKERS.dateOfBirth, nhsNumber: MARKERS.nhsNumber })],
    adults: [{ role: 'mother', personId: MARKERS.adultPersonId }],
    narrative: `The ${MARKERS.narrative} on ${MARKERS.dateOfBirth}.`,
  }),
  ...overrides,
});

describe('logs', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({
      logs,
      env: { MASH_CASE_SYSTEM_URL: 'http://case-system.test/' },
      // The case system is down, and its error quotes the URL, which carries the NHS number.
      fetch: async (url) => { throw new TypeError(`fetch failed: ${String(url)}`); },
    });
  });
  afterAll(async () => { await t.close(); });

  it('carry no personal data or token, whatever happened to the request; every line is JSON with a request id', async () => {
    const token = await t.token('screener');
    const as = { token, headers: { 'idempotency-key': 'log-test-1' } };
    const statuses: number[] = [];
    const send = async (method: string, path: string, o: Parameters<TestApp['request']>[2] = {}) => {
      const res = await t.request(method, path, o);
      statuses.push(res.status);
      return res;
    };

    const created = await (await send('POST', '/api/v1/contacts', { ...as, body: markedContact() })).json();
    await send('POST', '/api/v1/contacts', { ...as, body: markedContact() }); // an idempotent replay
    await send('GET', `/api/v1/contacts/${created.id}`, { token });
    await send('POST', '/api/v1/contacts', { token, body: markedContact({ channel: 'fax', immediateDanger: MARKERS.narrative }) });
    await send('POST', '/api/v1/contacts', { token, body: markedContact({ children: [child({ givenName: MARKERS.givenName, nhsNumber: '4837291059' })] }) });
    await send('POST', '/api/v1/contacts', { token, body: `{"narrative": "${MARKERS.narrative}", "givenName": "${MARKERS.givenName}"` });
    await send('POST', '/api/v1/contacts', { token: `${token}${MARKERS.givenName}`, body: markedContact() });
    await send('POST', '/api/v1/contacts', { role: 'manager', body: markedContact() });
    await send('GET', `/api/v1/contacts/${created.id}?nhsNumber=${MARKERS.nhsNumber}`, { token, headers: { 'x-request-id': 'partner-trace-42', 'x-child-name': MARKERS.givenName } });

    // A fault deep inside, whose message quotes the contact as a database error would.
    const fault = Object.assign(new Error(`duplicate key: (nhs_number)=(${MARKERS.nhsNumber}) ${MARKERS.narrative}`), {
      code: '23505', detail: `Key (given_name)=(${MARKERS.givenName}) already exists.`,
    });
    vi.spyOn(t.deps.evaluator, 'evaluate').mockRejectedValueOnce(fault);
    await send('POST', '/api/v1/contacts', { token, body: markedContact() });

    expect(statuses).toEqual([201, 201, 200, 422, 422, 400, 401, 403, 200, 500]);
    expect(logs.length).toBeGreaterThanOrEqual(statuses.length);

    const everything = logs.join('\n');
    for (const [name, value] of Object.entries({ ...MARKERS, token, signature: token.split('.')[2]! })) {
      expect(everything.includes(value), `${name} appears in the logs`).toBe(false);
    }
    for (const line of logs) {
      const entry = JSON.parse(line);
      expect(entry.requestId, line).toMatch(/^(req_|partner-trace-42$)/);
    }
    const faultLine = logs.map((l) => JSON.parse(l)).find((e) => e.msg === 'unhandled error');
    expect(faultLine.fault).toMatchObject({ type: 'Error', code: '23505' });
    expect(faultLine.fault.stack).toContain(' at ');
  });
});
