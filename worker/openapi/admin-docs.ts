// The reference's words for administrators: accounts, agencies, categories, routing rules,
// service-level targets, failed queue messages and Open311 API keys.
import { targetsBody } from '../routes/admin-targets';
import type { OperationDocs } from './operation-docs';

export const adminDocs = {
  'GET /api/admin/users': {
    tag: 'admin',
    summary: { id: 'Daftar akun staf', en: 'Staff accounts' },
    ok: { status: 200, description: '`users`: `StaffAccount` items.' },
  },
  'POST /api/admin/users': {
    tag: 'admin',
    summary: { id: 'Buat akun staf', en: 'Create a staff account' },
    description: 'An agency account names its agency; other roles name none.',
    ok: { status: 201, description: 'The new `StaffAccount`.' },
    errors: ['conflict', 'unprocessable'],
  },
  'POST /api/admin/users/{username}/disable': {
    tag: 'admin',
    summary: { id: 'Nonaktifkan akun', en: 'Disable an account' },
    description: 'Signs it out everywhere and closes its sockets. Nobody can disable their own account.',
    ok: { status: 200, description: 'The `StaffAccount`, disabled.' },
    errors: ['conflict'],
  },
  'POST /api/admin/users/{username}/enable': {
    tag: 'admin',
    summary: { id: 'Aktifkan kembali akun', en: 'Enable an account again' },
    ok: { status: 200, description: 'The `StaffAccount`, enabled.' },
  },
  'POST /api/admin/users/{username}/password': {
    tag: 'admin',
    summary: { id: 'Atur ulang kata sandi', en: 'Reset a password' },
    description: 'Signs the account out everywhere.',
    ok: { status: 204, description: 'The new password is set.', contentType: null },
  },
  'GET /api/admin/dead-letters': {
    tag: 'admin',
    summary: { id: 'Pesan antrean yang gagal', en: 'Failed queue messages' },
    description: 'Messages that kept failing; `all=true` also lists those replayed already.',
    ok: { status: 200, description: '`items`.' },
  },
  'POST /api/admin/dead-letters/{id}/replay': {
    tag: 'admin',
    summary: { id: 'Kirim ulang pesan yang gagal', en: 'Replay a failed message' },
    ok: { status: 200, description: '`replayed`: its id.' },
    errors: ['conflict', 'unprocessable'],
  },
  'GET /api/admin/targets': {
    tag: 'admin',
    summary: { id: 'Target layanan', en: 'Service-level targets' },
    ok: { status: 200, description: 'The targets in hours.', schema: targetsBody },
  },
  'PUT /api/admin/targets': {
    tag: 'admin',
    summary: { id: 'Ubah target layanan', en: 'Change the service-level targets' },
    description: 'Applies to due times set from now on; complaints already due keep theirs.',
    ok: { status: 200, description: 'The targets now in force, in hours.', schema: targetsBody },
  },
  'GET /api/admin/categories': {
    tag: 'admin',
    summary: { id: 'Daftar kategori', en: 'Complaint categories' },
    ok: { status: 200, description: '`categories`, active or not.' },
  },
  'POST /api/admin/categories': {
    tag: 'admin',
    summary: { id: 'Tambah kategori', en: 'Add a category' },
    ok: { status: 201, description: 'The new category.' },
    errors: ['conflict'],
  },
  'PATCH /api/admin/categories/{slug}': {
    tag: 'admin',
    summary: { id: 'Ubah kategori', en: 'Change a category' },
    description: 'A deactivated category leaves `/api/meta` and refuses new complaints; existing ones keep it.',
    ok: { status: 200, description: 'The category as it is now.' },
  },
  'GET /api/admin/agencies': {
    tag: 'admin',
    summary: { id: 'Daftar instansi', en: 'Agencies' },
    ok: { status: 200, description: '`agencies`, active or not.' },
  },
  'POST /api/admin/agencies': {
    tag: 'admin',
    summary: { id: 'Tambah instansi', en: 'Add an agency' },
    ok: { status: 201, description: 'Its `slug`.' },
    errors: ['conflict'],
  },
  'PATCH /api/admin/agencies/{slug}': {
    tag: 'admin',
    summary: { id: 'Ubah instansi', en: 'Change an agency' },
    description: 'A deactivated agency gets no new complaints: routing skips it and a forward to it is refused.',
    ok: { status: 200, description: 'The agency as it is now.' },
  },
  'GET /api/admin/routing-rules': {
    tag: 'admin',
    summary: { id: 'Aturan rute', en: 'Routing rules' },
    ok: { status: 200, description: '`rules`, by category, regency and rank.' },
  },
  'POST /api/admin/routing-rules': {
    tag: 'admin',
    summary: { id: 'Tambah aturan rute', en: 'Add a routing rule' },
    ok: { status: 201, description: 'Its `id`.' },
    errors: ['unprocessable'],
  },
  'DELETE /api/admin/routing-rules/{id}': {
    tag: 'admin',
    summary: { id: 'Hapus aturan rute', en: 'Delete a routing rule' },
    ok: { status: 204, description: 'Deleted.', contentType: null },
  },
  'GET /api/admin/routing-preview': {
    tag: 'admin',
    summary: { id: 'Pratinjau rute', en: 'Routing preview' },
    description: 'Where a complaint of this category in this regency would go, and whether by a regency or a province-wide rule.',
    ok: { status: 200, description: '`agency`, `autoForward` and `ruleScope`.' },
    errors: ['unprocessable'],
  },
  'GET /api/admin/api-keys': {
    tag: 'admin',
    summary: { id: 'Daftar kunci API Open311', en: 'Open311 API keys' },
    ok: { status: 200, description: '`apiKeys`: each with its prefix, who issued it, its last use and whether it is revoked.' },
  },
  'POST /api/admin/api-keys': {
    tag: 'admin',
    summary: { id: 'Terbitkan kunci API Open311', en: 'Issue an Open311 API key' },
    description: 'The key is answered only this once; only its SHA-256 is kept. Other apps send it as `api_key` to file requests at `/open311/v2/requests`.',
    ok: { status: 201, description: 'The key, shown once (`IssuedApiKey`).' },
  },
  'POST /api/admin/api-keys/{id}/revoke': {
    tag: 'admin',
    summary: { id: 'Cabut kunci API', en: 'Revoke an API key' },
    ok: { status: 200, description: 'The key (`ApiKeyInfo`), revoked.' },
  },
} satisfies OperationDocs;
