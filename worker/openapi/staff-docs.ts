// The reference's words for staff: signing in, the moderators' desk, the agency inbox and
// its answers, and the CSV export.
import type { OperationDocs } from './operation-docs';
import { meSchema } from './response-schemas';
import { loginLimits } from '../routes/auth';

const { perUsernameAndClient, perUsername, perClient } = loginLimits;

const changed = {
  id: 'Pengaduan sebagaimana kini dilihat pemanggil (`ComplaintView`).',
  en: 'The complaint as the caller now sees it (`ComplaintView`).',
};

export const staffDocs = {
  'POST /api/auth/login': {
    tag: 'auth',
    summary: { id: 'Staf masuk', en: 'Staff sign in' },
    description: {
      id: `Memasang cookie sesi. Percobaan yang gagal dibatasi per 15 menit: ${perUsernameAndClient} per nama pengguna dari satu klien (orang lain tidak dapat mengunci akun dari alamatnya), ${perUsername} per nama pengguna dari semua klien, ${perClient} per klien; percobaan yang ditolak tidak dicatat. Peramban tempat seseorang pernah berhasil masuk menyimpan cookie perangkat dikenal, dan dari situ batas per nama pengguna tidak menahannya; jawabannya tidak pernah memberi tahu apakah suatu nama pengguna ada.`,
      en: `Sets the session cookie. Failed attempts are limited per 15 minutes: ${perUsernameAndClient} per username from one client (nobody can lock an account from their own address), ${perUsername} per username from all clients, ${perClient} per client; a refused try is not recorded. A browser someone signed in from keeps a known-device cookie, and from it the per-username limit does not hold them back; the answer never tells whether a username exists.`,
    },
    ok: {
      status: 200,
      description: { id: 'Berhasil masuk: siapa yang masuk, dengan cookie sesi terpasang.', en: 'Signed in: who, with the session cookie set.' },
      schema: meSchema,
    },
    errors: ['unauthenticated', 'payload_too_large', 'rate_limited'],
  },
  'POST /api/auth/logout': {
    tag: 'auth',
    summary: { id: 'Staf keluar', en: 'Staff sign out' },
    access: ['public', 'staffSession'],
    ok: {
      status: 204,
      description: { id: 'Berhasil keluar: sesi dicabut dan cookie dihapus.', en: 'Signed out: the session is revoked and the cookie cleared.' },
      contentType: null,
    },
  },
  'GET /api/auth/me': {
    tag: 'auth',
    summary: { id: 'Siapa yang sedang masuk', en: 'Who is signed in' },
    access: ['staffSession'],
    ok: { status: 200, description: { id: 'Staf yang sedang masuk.', en: 'The signed-in staff member.' }, schema: meSchema },
  },
  'GET /api/moderation/queue': {
    tag: 'moderation',
    summary: { id: 'Antrean moderasi', en: 'The moderation queue' },
    description: {
      id: 'Pengaduan yang menunggu, yang terlama lebih dulu, beserta saran rute (kosong bila instansinya sudah nonaktif atau pernah mengembalikan pengaduan itu), kemungkinan duplikat, dan pengembalian terakhir oleh instansi.',
      en: 'Complaints waiting, oldest first, with the routing suggestion (none when its agency is inactive or has sent the complaint back), possible duplicates and the latest return by an agency.',
    },
    ok: { status: 200, description: { id: 'Antrean itu (`ModerationQueueResponse`).', en: 'The queue (`ModerationQueueResponse`).' } },
  },
  'GET /api/moderation/overdue': {
    tag: 'moderation',
    summary: { id: 'Lewat tenggat di instansi', en: 'Overdue at agencies' },
    description: {
      id: 'Pengaduan yang dipegang instansi (diteruskan atau sedang diproses) melewati target waktu tanggapannya, yang paling lama lewat lebih dulu, termasuk yang rahasia: instansinya, kapan diteruskan, tenggatnya, dan kapan moderator terakhir mengingatkan (catatan internal sejak penerusan atau pembukaan kembali terakhir). `total` menghitung semuanya.',
      en: 'Complaints agencies hold (forwarded or in progress) past their response target, most overdue first, confidential ones included: the agency, when it was forwarded, the due time, and when a moderator last reminded it (an internal note since the latest forward or reopening). `total` counts them all.',
    },
    ok: { status: 200, description: { id: 'Daftar itu (`OverdueResponse`).', en: 'The list (`OverdueResponse`).' } },
  },
  'POST /api/complaints/{code}/forward': {
    tag: 'moderation',
    summary: { id: 'Teruskan ke instansi', en: 'Forward to an agency' },
    description: {
      id: 'Menetapkan instansi dan prioritas; target waktu tanggapan instansi mulai berjalan saat itu juga. Catatan opsional hanya dapat dilihat staf.',
      en: "Sets the agency and the priority; the agency's response target starts now. The optional note stays internal.",
    },
    ok: { status: 200, description: changed },
    errors: ['conflict', 'unprocessable'],
  },
  'POST /api/complaints/{code}/reject': {
    tag: 'moderation',
    summary: { id: 'Tolak pengaduan', en: 'Reject a complaint' },
    description: {
      id: 'Dengan alasan yang dilihat pelapor, dan pesan opsional.',
      en: 'With a reason the reporter sees, and an optional message.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict'],
  },
  'POST /api/complaints/{code}/duplicate': {
    tag: 'moderation',
    summary: { id: 'Tandai sebagai duplikat', en: 'Mark as a duplicate' },
    description: {
      id: 'Dari pengaduan lain, yang disebut dengan kodenya; pengaduan ini lalu ditutup. Pengaduan asli yang tidak lagi ditangani (selesai, ditutup, ditolak, atau sendiri duplikat) tidak diterima (422, `details` menyebut statusnya), juga bila moderator lain baru saja menutupnya.',
      en: 'Of another complaint, named by its code; closes this one. An original no longer being handled (resolved, closed, rejected or itself a duplicate) is refused (422, `details` names its status), also when another moderator closed it a moment before.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict', 'unprocessable'],
  },
  'POST /api/complaints/{code}/correct': {
    tag: 'moderation',
    summary: { id: 'Perbaiki judul, kategori atau tempat', en: 'Correct the title, category or place' },
    description: {
      id: 'Nilai aslinya tetap tercatat di riwayat internal.',
      en: 'The original values stay in the internal timeline.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict', 'unprocessable'],
  },
  'GET /api/inbox': {
    tag: 'agency',
    summary: { id: 'Kotak masuk instansi', en: "The agency's inbox" },
    description: {
      id: 'Pengaduan instansi pemanggil, yang terakhir berubah lebih dulu, beserta jumlah per status dan `lastEventId`, kursor untuk menyusul perubahan sesudahnya.',
      en: "The complaints of the caller's agency, most recently changed first, with counts per status and `lastEventId`, the cursor to catch up from.",
    },
    ok: { status: 200, description: { id: 'Kotak masuk (`InboxResponse`).', en: 'The inbox (`InboxResponse`).' } },
  },
  'GET /api/inbox/events': {
    tag: 'agency',
    summary: { id: 'Perubahan sesudah kursor', en: 'Changes after a cursor' },
    description: {
      id: 'Apa yang terjadi pada pengaduan instansi sesudah kejadian `since`, bagi klien yang menyusul setelah tersambung kembali.',
      en: "What happened to the agency's complaints after event `since`, for a client catching up after a reconnect.",
    },
    ok: { status: 200, description: { id: 'Perubahannya (`InboxEventsResponse`).', en: 'The changes (`InboxEventsResponse`).' } },
  },
  'POST /api/complaints/{code}/return': {
    tag: 'agency',
    summary: { id: 'Kembalikan ke moderator', en: 'Return to the moderators' },
    description: {
      id: '"Bukan kewenangan kami", dengan alasannya; pengaduan kembali ke meja moderator.',
      en: '"Not our responsibility", with the reason; the complaint goes back to the desk.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict'],
  },
  'POST /api/complaints/{code}/acknowledge': {
    tag: 'agency',
    summary: { id: 'Terima dan mulai tangani', en: 'Acknowledge and start work' },
    ok: { status: 200, description: changed },
    errors: ['conflict'],
  },
  'POST /api/complaints/{code}/respond': {
    tag: 'agency',
    summary: { id: 'Jawab pelapor', en: 'Answer the reporter' },
    description: {
      id: 'Jawaban publik; jawaban pertama menghentikan hitungan waktu tanggapan.',
      en: 'A public answer; the first one stops the response clock.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict'],
  },
  'POST /api/complaints/{code}/resolve': {
    tag: 'agency',
    summary: { id: 'Nyatakan selesai ditangani', en: 'Resolve' },
    description: {
      id: 'Dengan pesan publik; pelapor lalu menyatakannya selesai atau membukanya kembali.',
      en: 'With a public message; the reporter then confirms or reopens it.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict'],
  },
  'POST /api/complaints/{code}/note': {
    tag: 'agency',
    summary: { id: 'Catatan internal', en: 'Internal note' },
    description: {
      id: 'Pesan antara instansi dan moderator; statusnya tidak berubah.',
      en: 'Words between the agency and the moderators; the status stays.',
    },
    ok: { status: 200, description: changed },
    errors: ['conflict'],
  },
  'GET /api/export/complaints.csv': {
    tag: 'export',
    summary: { id: 'Unduh pengaduan sebagai CSV', en: 'Download complaints as CSV' },
    description: {
      id: 'Pengaduan yang dapat dilihat pemanggil (bagi instansi: pengaduannya sendiri), dengan filter yang sama seperti daftar publik, paling banyak 10.000 baris; data pelapor hanya jika perannya boleh melihatnya. UTF-8 dengan byte-order mark, agar terbaca dengan benar di Excel.',
      en: "The complaints the caller can see (an agency: its own), with the feed's filters, at most 10,000 rows; reporter fields only where the role may see them. UTF-8 with a byte-order mark, for Excel.",
    },
    ok: { status: 200, description: { id: 'Berkas CSV.', en: 'A CSV file.' }, contentType: 'text/csv' },
  },
} satisfies OperationDocs;
