import { z } from 'zod';

/**
 * Partner agencies' check-request endpoints. A request carries the check's
 * id as its idempotency key, so sending it again after a timeout cannot
 * open a second enquiry. The acknowledgement is parsed, never trusted.
 */
const Acknowledgement = z.object({ reference: z.string().min(1).max(200) });

export interface CheckRequest {
  checkId: string;
  requestingAuthority: string;
  partner: string;
  priority: string;
  dueAt: string;
  asks: unknown[];
  people: unknown[];
  callback: string;
}

export type DispatchOutcome =
  | { delivered: true; reference: string | null; note: string | null }
  | { delivered: false; reason: string };

export interface PartnerClient {
  send(url: string, request: CheckRequest): Promise<DispatchOutcome>;
  chase(url: string, reminder: { checkId: string; reference: string | null; dueAt: string; number: number }): Promise<DispatchOutcome>;
}

const endpoint = (base: string, path: string) => new URL(path, base.endsWith('/') ? base : `${base}/`);

export function createPartnerClient(timeoutMs: number, fetchImpl?: typeof fetch): PartnerClient {
  // Looked up on each call, so a fetch patched after start-up (msw in tests) is the one used.
  const doFetch: typeof fetch = (input, init) => (fetchImpl ?? fetch)(input, init);

  async function post(url: URL, idempotencyKey: string, body: unknown): Promise<DispatchOutcome> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The whole exchange, body included, has one deadline; a hung partner must not hold the sweep.
    const deadline = new Promise<DispatchOutcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ delivered: false, reason: 'no answer: TimeoutError' });
      }, timeoutMs);
    });
    try {
      return await Promise.race([exchange(url, idempotencyKey, body, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function exchange(url: URL, idempotencyKey: string, body: unknown, signal: AbortSignal): Promise<DispatchOutcome> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      });
    } catch (error) {
      return { delivered: false, reason: `no answer: ${(error as Error).name}` };
    }
    if (!response.ok) {
      // Not awaited: some bodies never settle a cancel, and the answer is already known.
      void response.body?.cancel().catch(() => undefined);
      return { delivered: false, reason: `partner answered ${response.status}` };
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      if (signal.aborted) return { delivered: false, reason: 'no answer: TimeoutError' };
      // A 2xx means the partner has the request; only its acknowledgement is unreadable.
      return { delivered: true, reference: null, note: 'acknowledgement was not JSON' };
    }
    const parsed = Acknowledgement.safeParse(json);
    return parsed.success
      ? { delivered: true, reference: parsed.data.reference, note: null }
      : { delivered: true, reference: null, note: 'acknowledgement had an unexpected shape' };
  }

  return {
    send: (url, request) => post(endpoint(url, 'check-requests'), request.checkId, request),
    chase: (url, reminder) =>
      post(endpoint(url, `check-requests/${encodeURIComponent(reminder.checkId)}/reminders`), `${reminder.checkId}:reminder:${reminder.number}`, reminder),
  };
}
