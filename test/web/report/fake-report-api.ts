// Stand-ins for the two requests of the complaint form: `POST /api/complaints` on top of the
// reference-data fake (../fake-api.ts), and `XMLHttpRequest` for photo uploads, each keeping
// what the client sent so tests can assert on bodies and headers.
import { vi } from 'vitest';
import type { CreateComplaintRequest } from '../../../worker/domain/api';
import { installFakeApi } from '../fake-api';

export const CODE = 'NTB-7K3M9Q2X';
export const TOKEN = 'tok_0123456789abcdef0123456789abcdef';

export interface SentComplaint {
  body: CreateComplaintRequest;
  headers: Headers;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> } | 'network';

export function installReportApi() {
  const base = installFakeApi();
  const answers: Answer[] = [];
  const sent: SentComplaint[] = [];
  let gate: Promise<void> | null = null;

  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== '/api/complaints') return base.fetch(input);
    sent.push({ body: JSON.parse(String(init?.body)), headers: new Headers(init?.headers) });
    if (gate) await gate;
    const answer = answers.shift() ?? { status: 201, body: { code: CODE, trackingToken: TOKEN } };
    if (answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetch);

  return {
    sent,
    answerNext: (answer: Answer) => answers.push(answer),
    /** Holds the next answers until the returned function is called. */
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

/** One upload request; the test decides how far it gets and how it ends. */
export class FakeXhr {
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  timeout = 0;
  aborted = false;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private responseHeaders: Record<string, string> = {};

  constructor() {
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  respond(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.onload?.();
  }
  fail() {
    this.onerror?.();
  }
}

export function installFakeXhr() {
  FakeXhr.all = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr;
}
