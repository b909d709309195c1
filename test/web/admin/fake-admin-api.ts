// A stand-in for the Worker's session and staff-account routes, installed as the global
// `fetch`, with the reference data of ../fake-api.ts plus three agencies. It keeps every
// request, so tests can assert on the paths and bodies the page sends.
import { vi } from 'vitest';
import type {
  AgencyInfo,
  CreateStaffRequest,
  ErrorIssue,
  MetaResponse,
  StaffAccount,
  StaffInfo,
} from '../../../worker/domain/api';
import { metaFixture } from '../fake-api';

export const agencies: AgencyInfo[] = [
  { slug: 'dinas-pupr-ntb', name: 'Dinas Pekerjaan Umum dan Penataan Ruang NTB', shortName: 'Dinas PUPR', kind: 'dinas', regencyCode: null },
  { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang', shortName: 'PDAM GM', kind: 'bumd', regencyCode: '52.01' },
  { slug: 'rsud-provinsi-ntb', name: 'RSUD Provinsi NTB', shortName: null, kind: 'rsud', regencyCode: null },
];
const meta: MetaResponse = { ...metaFixture, agencies };

const ref = (slug: string) => {
  const { name, shortName } = agencies.find((a) => a.slug === slug)!;
  return { slug, name, shortName };
};

export const me: StaffInfo = {
  id: 1,
  username: 'admin.kominfo',
  displayName: 'Lalu Admin',
  role: 'admin',
  agencyId: null,
  agency: null,
};

export function accountFixtures(): StaffAccount[] {
  const at = '2026-11-02T01:00:00.000Z';
  return [
    { username: 'admin.kominfo', displayName: 'Lalu Admin', role: 'admin', agency: null, disabled: false, createdAt: at },
    { username: 'baiq.moderator', displayName: 'Baiq Moderator', role: 'moderator', agency: null, disabled: false, createdAt: at },
    { username: 'pdam-giri-menang', displayName: 'PDAM Giri Menang', role: 'agency', agency: ref('pdam-giri-menang'), disabled: false, createdAt: at },
    { username: 'rsud-lama', displayName: 'Petugas RSUD lama', role: 'agency', agency: ref('rsud-provinsi-ntb'), disabled: true, createdAt: at },
  ];
}

export interface RecordedRequest {
  path: string;
  method: string;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string, details?: ErrorIssue[]) =>
  json(status, { error: { code, message: `fake ${code}`, ...(details ? { details } : {}) } });

export function installAdminApi(options: { user?: StaffInfo | null } = {}) {
  const state = {
    user: options.user === undefined ? me : options.user,
    accounts: accountFixtures(),
    /** The next create answers 400 with these details. */
    createRefusal: null as ErrorIssue[] | null,
    /** Paths (without the query) whose next request finds no network. */
    offline: new Set<string>(),
  };
  const requests: RecordedRequest[] = [];

  function list(url: URL) {
    const q = url.searchParams.get('q')?.toLowerCase();
    const role = url.searchParams.get('role');
    const agency = url.searchParams.get('agency');
    const users = state.accounts
      .filter((a) => !q || a.username.includes(q) || a.displayName.toLowerCase().includes(q))
      .filter((a) => !role || a.role === role)
      .filter((a) => !agency || a.agency?.slug === agency)
      .sort((a, b) => a.username.localeCompare(b.username));
    return json(200, { users });
  }

  function create(body: CreateStaffRequest) {
    if (state.createRefusal) {
      const details = state.createRefusal;
      state.createRefusal = null;
      return error(400, 'validation_failed', details);
    }
    if (state.accounts.some((a) => a.username === body.username)) return error(409, 'conflict');
    const account: StaffAccount = {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      agency: body.agency ? ref(body.agency) : null,
      disabled: false,
      createdAt: '2026-11-12T03:00:00.000Z',
    };
    state.accounts.push(account);
    return json(201, account);
  }

  function handle(url: URL, method: string, body: unknown) {
    const path = url.pathname;
    if (path === '/api/meta') return json(200, meta);
    if (path === '/api/auth/me') {
      return state.user ? json(200, { user: state.user }) : error(401, 'unauthenticated');
    }
    if (!path.startsWith('/api/admin/')) return error(404, 'not_found');
    if (!state.user) return error(401, 'unauthenticated');
    if (state.user.role !== 'admin') return error(403, 'forbidden');
    if (path === '/api/admin/users') {
      return method === 'POST' ? create(body as CreateStaffRequest) : list(url);
    }
    const action = path.match(/^\/api\/admin\/users\/([^/]+)\/(disable|enable|password)$/);
    const account = action && state.accounts.find((a) => a.username === decodeURIComponent(action[1]!));
    if (!action || !account || method !== 'POST') return error(404, 'not_found');
    if (action[2] === 'password') return new Response(null, { status: 204 });
    if (action[2] === 'disable' && account.username === state.user.username) return error(409, 'conflict');
    account.disabled = action[2] === 'disable';
    return json(200, { ...account });
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ path: url.pathname + url.search, method, body });
    if (state.offline.delete(url.pathname)) throw new TypeError('Failed to fetch');
    return handle(url, method, body);
  });
  vi.stubGlobal('fetch', fetch);

  return {
    state,
    requests,
    posts: () => requests.filter((r) => r.method === 'POST'),
    paths: () => requests.map((r) => r.path),
  };
}
