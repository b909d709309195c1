// The reference's words for administrators: accounts, agencies, categories, routing rules,
// service-level targets, failed queue messages and Open311 API keys.
import { targetsBody } from '../routes/admin-targets';
import type { OperationDocs } from './operation-docs';

export const adminDocs = {
  'GET /api/admin/users': {
    tag: 'admin',
    summary: { id: 'Daftar akun staf', en: 'Staff accounts' },
    ok: { status: 200, description: { id: '`users`: daftar `StaffAccount`.', en: '`users`: `StaffAccount` items.' } },
  },
  'POST /api/admin/users': {
    tag: 'admin',
    summary: { id: 'Buat akun staf', en: 'Create a staff account' },
    description: {
      id: 'Akun instansi menyebut instansinya; akun dengan peran lain tidak.',
      en: 'An agency account names its agency; other roles name none.',
    },
    ok: { status: 201, description: { id: '`StaffAccount` yang baru.', en: 'The new `StaffAccount`.' } },
    errors: ['conflict', 'unprocessable'],
  },
  'POST /api/admin/users/{username}/disable': {
    tag: 'admin',
    summary: { id: 'Nonaktifkan akun', en: 'Disable an account' },
    description: {
      id: 'Mengeluarkan akun itu dari semua perangkat dan menutup soketnya. Tidak seorang pun dapat menonaktifkan akunnya sendiri.',
      en: 'Signs it out everywhere and closes its sockets. Nobody can disable their own account.',
    },
    ok: { status: 200, description: { id: '`StaffAccount` itu, kini nonaktif.', en: 'The `StaffAccount`, disabled.' } },
    errors: ['conflict'],
  },
  'POST /api/admin/users/{username}/enable': {
    tag: 'admin',
    summary: { id: 'Aktifkan kembali akun', en: 'Enable an account again' },
    ok: { status: 200, description: { id: '`StaffAccount` itu, kini aktif kembali.', en: 'The `StaffAccount`, enabled.' } },
  },
  'POST /api/admin/users/{username}/password': {
    tag: 'admin',
    summary: { id: 'Atur ulang kata sandi', en: 'Reset a password' },
    description: {
      id: 'Mengeluarkan akun itu dari semua perangkat.',
      en: 'Signs the account out everywhere.',
    },
    ok: { status: 204, description: { id: 'Kata sandi baru sudah berlaku.', en: 'The new password is set.' }, contentType: null },
  },
  'GET /api/admin/dead-letters': {
    tag: 'admin',
    summary: { id: 'Pesan antrean yang gagal', en: 'Failed queue messages' },
    description: {
      id: 'Pesan yang terus gagal diproses; dengan `all=true` juga yang sudah dikirim ulang.',
      en: 'Messages that kept failing; `all=true` also lists those replayed already.',
    },
    ok: { status: 200, description: { id: 'Pesan-pesan itu, di `items`.', en: 'The messages, in `items`.' } },
  },
  'POST /api/admin/dead-letters/{id}/replay': {
    tag: 'admin',
    summary: { id: 'Kirim ulang pesan yang gagal', en: 'Replay a failed message' },
    ok: { status: 200, description: { id: '`replayed`: id pesannya.', en: '`replayed`: its id.' } },
    errors: ['conflict', 'unprocessable'],
  },
  'GET /api/admin/targets': {
    tag: 'admin',
    summary: { id: 'Target layanan', en: 'Service-level targets' },
    ok: { status: 200, description: { id: 'Target dalam jam.', en: 'The targets in hours.' }, schema: targetsBody },
  },
  'PUT /api/admin/targets': {
    tag: 'admin',
    summary: { id: 'Ubah target layanan', en: 'Change the service-level targets' },
    description: {
      id: 'Berlaku untuk tenggat yang ditetapkan mulai sekarang; pengaduan yang sudah bertenggat tetap memakai tenggatnya.',
      en: 'Applies to due times set from now on; complaints already due keep theirs.',
    },
    ok: {
      status: 200,
      description: { id: 'Target yang kini berlaku, dalam jam.', en: 'The targets now in force, in hours.' },
      schema: targetsBody,
    },
  },
  'GET /api/admin/categories': {
    tag: 'admin',
    summary: { id: 'Daftar kategori', en: 'Complaint categories' },
    ok: { status: 200, description: { id: '`categories`, yang aktif maupun tidak.', en: '`categories`, active or not.' } },
  },
  'POST /api/admin/categories': {
    tag: 'admin',
    summary: { id: 'Tambah kategori', en: 'Add a category' },
    ok: { status: 201, description: { id: 'Kategori yang baru.', en: 'The new category.' } },
    errors: ['conflict'],
  },
  'PATCH /api/admin/categories/{slug}': {
    tag: 'admin',
    summary: { id: 'Ubah kategori', en: 'Change a category' },
    description: {
      id: 'Kategori yang dinonaktifkan hilang dari `/api/meta` dan tidak dapat dipilih untuk pengaduan baru; pengaduan yang sudah ada tetap memakainya.',
      en: 'A deactivated category leaves `/api/meta` and refuses new complaints; existing ones keep it.',
    },
    ok: { status: 200, description: { id: 'Kategori itu sebagaimana sekarang.', en: 'The category as it is now.' } },
  },
  'GET /api/admin/agencies': {
    tag: 'admin',
    summary: { id: 'Daftar instansi', en: 'Agencies' },
    ok: { status: 200, description: { id: '`agencies`, yang aktif maupun tidak.', en: '`agencies`, active or not.' } },
  },
  'POST /api/admin/agencies': {
    tag: 'admin',
    summary: { id: 'Tambah instansi', en: 'Add an agency' },
    ok: { status: 201, description: { id: '`slug`-nya.', en: 'Its `slug`.' } },
    // 422: a regencyCode that is not one of NTB's regencies.
    errors: ['conflict', 'unprocessable'],
  },
  'PATCH /api/admin/agencies/{slug}': {
    tag: 'admin',
    summary: { id: 'Ubah instansi', en: 'Change an agency' },
    description: {
      id: 'Instansi yang dinonaktifkan tidak menerima pengaduan baru: rute melewatinya dan penerusan kepadanya ditolak. Stafnya tidak dapat masuk atau bekerja sampai instansi diaktifkan kembali. Instansi yang masih menangani pengaduan (diteruskan atau sedang diproses) tidak dapat dinonaktifkan: 409, teruskan pengaduan itu lebih dulu.',
      en: 'A deactivated agency gets no new complaints: routing skips it and a forward to it is refused. Its staff cannot sign in or work until it is activated again. An agency still holding complaints (forwarded or in progress) cannot be deactivated: 409, forward them first.',
    },
    ok: { status: 200, description: { id: 'Instansi itu sebagaimana sekarang.', en: 'The agency as it is now.' } },
    // 409: switched off while it holds complaints being handled.
    errors: ['conflict'],
  },
  'GET /api/admin/routing-rules': {
    tag: 'admin',
    summary: { id: 'Aturan rute', en: 'Routing rules' },
    ok: {
      status: 200,
      description: { id: '`rules`, menurut kategori, kabupaten/kota, dan urutan.', en: '`rules`, by category, regency and rank.' },
    },
  },
  'POST /api/admin/routing-rules': {
    tag: 'admin',
    summary: { id: 'Tambah aturan rute', en: 'Add a routing rule' },
    ok: { status: 201, description: { id: '`id`-nya.', en: 'Its `id`.' } },
    errors: ['unprocessable'],
  },
  'DELETE /api/admin/routing-rules/{id}': {
    tag: 'admin',
    summary: { id: 'Hapus aturan rute', en: 'Delete a routing rule' },
    ok: { status: 204, description: { id: 'Terhapus.', en: 'Deleted.' }, contentType: null },
  },
  'GET /api/admin/routing-preview': {
    tag: 'admin',
    summary: { id: 'Pratinjau rute', en: 'Routing preview' },
    description: {
      id: 'Ke mana pengaduan dengan kategori ini di kabupaten/kota ini akan diteruskan, dan apakah menurut aturan kabupaten/kota atau aturan seluruh provinsi.',
      en: 'Where a complaint of this category in this regency would go, and whether by a regency or a province-wide rule.',
    },
    ok: { status: 200, description: { id: '`agency`, `autoForward`, dan `ruleScope`.', en: '`agency`, `autoForward` and `ruleScope`.' } },
    errors: ['unprocessable'],
  },
  'GET /api/admin/api-keys': {
    tag: 'admin',
    summary: { id: 'Daftar kunci API Open311', en: 'Open311 API keys' },
    ok: {
      status: 200,
      description: { id: '`apiKeys`: masing-masing dengan awalannya, penerbitnya, pemakaian terakhirnya, dan apakah sudah dicabut.', en: '`apiKeys`: each with its prefix, who issued it, its last use and whether it is revoked.' },
    },
  },
  'POST /api/admin/api-keys': {
    tag: 'admin',
    summary: { id: 'Terbitkan kunci API Open311', en: 'Issue an Open311 API key' },
    description: {
      id: 'Kunci hanya diberikan sekali ini; yang disimpan hanya SHA-256-nya. Aplikasi lain mengirimnya sebagai `api_key` untuk mengajukan laporan di `/open311/v2/requests`.',
      en: 'The key is answered only this once; only its SHA-256 is kept. Other apps send it as `api_key` to file requests at `/open311/v2/requests`.',
    },
    ok: {
      status: 201,
      description: { id: 'Kuncinya, ditampilkan sekali saja (`IssuedApiKey`).', en: 'The key, shown once (`IssuedApiKey`).' },
    },
  },
  'POST /api/admin/api-keys/{id}/revoke': {
    tag: 'admin',
    summary: { id: 'Cabut kunci API', en: 'Revoke an API key' },
    ok: { status: 200, description: { id: 'Kunci itu (`ApiKeyInfo`), kini dicabut.', en: 'The key (`ApiKeyInfo`), revoked.' } },
  },
} satisfies OperationDocs;
