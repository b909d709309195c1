// The reference's words for the public side: reference data, complaints and photos,
// the reporter's own actions, statistics and live updates.
import { CLIENT_KEY_HEADER, IDEMPOTENCY_HEADER } from '../domain/api';
import type { HeaderDoc, OperationDocs } from './operation-docs';
import { createdComplaintSchema, healthSchema, uploadSchema } from './response-schemas';

const clientKey: HeaderDoc = {
  name: CLIENT_KEY_HEADER,
  description: {
    id: 'Kunci acak yang disimpan aplikasi di perangkat (16 sampai 100 huruf, angka, atau -): foto yang diunggah hanya dapat dipakai dengan kunci yang sama.',
    en: 'A random key the client keeps on the device (16 to 100 letters, digits or -): uploads can be claimed only with the same key.',
  },
  schema: { type: 'string', pattern: '^[A-Za-z0-9-]{16,100}$' },
};
const idempotencyKey: HeaderDoc = {
  name: IDEMPOTENCY_HEADER,
  description: {
    id: 'Membuat pengiriman ulang mendapat jawaban pengiriman pertama, sehingga pengaduan tidak tercatat dua kali.',
    en: "Makes a retried submission answer the first one's result instead of filing it twice.",
  },
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
};
const reporterOrAnyone = ['public', 'trackingToken', 'staffSession'] as const;
const complaintView = {
  id: 'Pengaduan sebagaimana kini dilihat pelapornya (`ComplaintView`).',
  en: 'The complaint as its reporter now sees it (`ComplaintView`).',
};

export const citizenDocs = {
  'GET /api/health': {
    tag: 'reference',
    summary: { id: 'Periksa bahwa layanan berjalan', en: 'Check that the service runs' },
    ok: { status: 200, description: { id: 'Layanan menjawab.', en: 'The service answers.' }, schema: healthSchema },
  },
  'GET /api/meta': {
    tag: 'reference',
    summary: { id: 'Data rujukan untuk formulir', en: 'Reference data for the forms' },
    description: {
      id: 'Kategori yang aktif (dalam dua bahasa), 10 kabupaten dan kota, instansi (data publik), status, prioritas beserta target waktu tanggapannya, batas yang diberlakukan server, dan pengaturan peta. Disimpan dalam cache selama lima menit.',
      en: 'Active categories (bilingual), the 10 regencies and cities, agencies (public fields), statuses, priorities with their response targets, the limits the server enforces and the map settings. Cached for five minutes.',
    },
    ok: { status: 200, description: { id: 'Data rujukan (`MetaResponse`).', en: 'The reference data (`MetaResponse`).' } },
  },
  'GET /api/regions/{code}': {
    tag: 'reference',
    summary: { id: 'Wilayah dan wilayah di bawahnya', en: 'A region and its children' },
    description: {
      id: '`52` menjawab kabupaten dan kota di NTB, `52.71` kecamatan di Kota Mataram, `52.71.01` kelurahan di Kecamatan Ampenan.',
      en: '`52` answers the regencies and cities of NTB, `52.71` the districts of Kota Mataram, `52.71.01` the villages of Ampenan.',
    },
    ok: {
      status: 200,
      description: { id: '`RegionChildrenResponse`: wilayah itu dan wilayah di bawahnya.', en: '`RegionChildrenResponse`: the region and its children.' },
    },
  },
  'GET /api/openapi.json': {
    tag: 'reference',
    summary: { id: 'Dokumen OpenAPI ini', en: 'This OpenAPI document' },
    description: {
      id: 'Dibuat dari rute yang didaftarkan Worker dan skema zod yang dipakai rute itu untuk memvalidasi.',
      en: 'Generated from the routes the Worker registers and the zod schemas they validate with.',
    },
    ok: { status: 200, description: { id: 'Dokumen ini, dalam format OpenAPI 3.1.', en: 'This document, in OpenAPI 3.1.' } },
  },
  'POST /api/uploads': {
    tag: 'complaints',
    summary: { id: 'Unggah satu foto', en: 'Upload one photo' },
    description: {
      id: 'Foto dikirim apa adanya sebagai isi permintaan, dengan `Content-Type`-nya. Jenisnya diperiksa dari isi berkasnya, paling besar 10 MB dan 40 megapiksel, lalu foto disimpan di karantina sampai pengaduan dari aplikasi yang sama memakainya lewat id; unggahan yang tidak dipakai dihapus setelah 24 jam.',
      en: 'The photo is the raw body, with its `Content-Type`. It is checked by its bytes, at most 10 MB and 40 megapixels, and kept in quarantine until a complaint from the same client claims it by id; unclaimed uploads are deleted after 24 hours.',
    },
    rawBody: { contentTypes: ['image/jpeg', 'image/png', 'image/webp'], description: { id: 'Berkas foto itu sendiri.', en: 'The photo itself.' } },
    headers: [clientKey],
    ok: {
      status: 201,
      description: { id: 'Tersimpan di karantina; cantumkan `id`-nya di `photoIds`.', en: 'Stored in quarantine; give its `id` in `photoIds`.' },
      schema: uploadSchema,
    },
    errors: ['payload_too_large', 'unsupported_media_type'],
  },
  'POST /api/complaints': {
    tag: 'complaints',
    summary: { id: 'Ajukan pengaduan', en: 'File a complaint' },
    description: {
      id: 'Tempat ditulis dengan kode wilayah resmi yang harus berjenjang (kabupaten/kota, kecamatan, desa/kelurahan); foto berupa id unggahan dari aplikasi yang sama; isi `lat` dan `lng` bersama-sama, atau kosongkan keduanya. Pengaduan masuk ke meja moderator. Token pelacakan hanya diberikan sekali ini: simpanlah untuk mengikuti dan menanggapi pengaduan.',
      en: "Places are official region codes that must nest (regency, district, village); photos are upload ids of the same client; give `lat` and `lng` together, or neither. The complaint goes to the moderators' desk. The tracking token is answered only this once: keep it to follow and answer the complaint.",
    },
    headers: [idempotencyKey, clientKey],
    ok: {
      status: 201,
      description: { id: 'Tercatat: kode publik dan token pelacakannya.', en: 'Filed: its public code and its tracking token.' },
      schema: createdComplaintSchema,
    },
    errors: ['payload_too_large', 'unprocessable'],
  },
  'GET /api/complaints': {
    tag: 'complaints',
    summary: { id: 'Daftar pengaduan publik', en: 'The public feed' },
    description: {
      id: 'Pengaduan yang sudah diverifikasi dan tidak rahasia, yang terbaru lebih dulu; `nextCursor` meminta halaman berikutnya. Dengan `pinned=true`, paling banyak 200 pengaduan yang bertitik di peta. Jawabannya bisa berumur sampai 5 detik (dibagi bagi semua penanya); `Cache-Control: no-cache` meminta keadaan saat ini.',
      en: 'Verified, non-confidential complaints, newest first; `nextCursor` asks for the next page. With `pinned=true`, up to 200 of those with a map pin. The answer may be up to 5 seconds old (it is shared by everyone who asks); `Cache-Control: no-cache` asks for it as it is now.',
    },
    ok: { status: 200, description: { id: '`FeedResponse`: `items` dan `nextCursor`.', en: '`FeedResponse`: `items` and `nextCursor`.' } },
  },
  'GET /api/complaints/{code}': {
    tag: 'complaints',
    summary: { id: 'Satu pengaduan', en: 'One complaint' },
    description: {
      id: 'Status, foto (bagi publik, setelah diloloskan moderator), dan riwayat publiknya. Dengan token pelacakan, juga data pelapor sendiri; staf melihat sebanyak yang diizinkan perannya. Bagi orang lain, pengaduan rahasia dijawab tidak ditemukan, dan isi pengaduan yang ditolak moderator (judul, uraian, alamat, titik peta, komentar pelapor) tidak ditampilkan (`textWithheld`); status, tanggal, dan alasan penolakannya tetap. Tampilan publik (tanpa token dan tanpa cookie) bisa berumur sampai 5 detik; `Cache-Control: no-cache` meminta keadaan saat ini, seperti yang dilakukan pembaruan langsung.',
      en: "Its status, photos (for the public, once the moderators have let it through) and public timeline. With the tracking token also the reporter's own details; staff see what their role allows. A confidential complaint is not found for anyone else, and of one the moderators refused they do not get its own words (title, description, address, pin, the reporter's comments: `textWithheld`), only its status, dates and the reason. The public's view (no token, no cookie) may be up to 5 seconds old; `Cache-Control: no-cache` asks for it as it is now, as live updates do.",
    },
    access: [...reporterOrAnyone],
    ok: { status: 200, description: { id: 'Pengaduan itu (`ComplaintView`).', en: 'The complaint (`ComplaintView`).' } },
  },
  'POST /api/complaints/{code}/comments': {
    tag: 'complaints',
    summary: { id: 'Pelapor menambah komentar', en: 'The reporter adds a comment' },
    access: ['trackingToken'],
    ok: { status: 201, description: { id: 'Catatan baru di riwayat pengaduan.', en: 'The new event of the timeline.' } },
    errors: ['conflict', 'payload_too_large'],
  },
  'POST /api/complaints/{code}/confirm': {
    tag: 'complaints',
    summary: { id: 'Pelapor menyatakan selesai, dengan penilaian', en: 'The reporter confirms it is fixed, with a rating' },
    description: {
      id: 'Hanya untuk pengaduan yang sudah dinyatakan selesai, pada `version` yang dilihat pelapor; pengaduan lalu ditutup.',
      en: 'Only on a resolved complaint, at the `version` the reporter saw; closes it.',
    },
    access: ['trackingToken'],
    ok: { status: 200, description: complaintView },
    errors: ['conflict', 'payload_too_large'],
  },
  'POST /api/complaints/{code}/reopen': {
    tag: 'complaints',
    summary: { id: 'Pelapor menyatakan belum selesai', en: 'The reporter says it is not fixed' },
    description: {
      id: 'Membuka kembali pengaduan yang sudah dinyatakan selesai, pada instansi yang sama, dengan target waktu tanggapan yang baru.',
      en: 'Reopens a resolved complaint to the same agency, with a fresh response target.',
    },
    access: ['trackingToken'],
    ok: { status: 200, description: complaintView },
    errors: ['conflict', 'payload_too_large'],
  },
  'GET /api/photos/{id}': {
    tag: 'complaints',
    summary: { id: 'Foto pengaduan', en: "A complaint's photo" },
    description: {
      id: 'Dikirim dengan jenis yang tersimpan, `nosniff`, dan CSP sandbox. Foto pengaduan rahasia, dan foto pengaduan yang belum diloloskan moderator (masih menunggu pemeriksaan, atau ditolak), memerlukan token pelacakannya atau sesi staf yang berwenang atas pengaduan itu; `photosPublic` pada `ComplaintView` menyatakannya.',
      en: 'Served with its stored type, `nosniff` and a sandboxing CSP. The photos of a confidential complaint, and of one the moderators have not let through (still waiting for them, or refused), need its tracking token or a staff session that reaches it; `photosPublic` in `ComplaintView` tells which.',
    },
    access: [...reporterOrAnyone],
    ok: { status: 200, description: { id: 'Berkas gambarnya.', en: 'The image.' }, contentType: 'image/*' },
  },
  'GET /api/stats': {
    tag: 'stats',
    summary: { id: 'Angka dasbor publik', en: "The public dashboard's figures" },
    description: {
      id: 'Untuk rentang hari WITA (bawaannya 90 hari terakhir, paling lama tiga tahun): jumlah per status, jumlah per minggu, waktu tanggapan dan penilaian per instansi, serta jumlah per kabupaten/kota dan per kategori.',
      en: 'For a period of WITA days (by default the last 90, at most three years): totals by status, weekly counts, response times and ratings per agency, counts by regency and category.',
    },
    ok: { status: 200, description: { id: 'Angka dasbor (`StatsResponse`).', en: "The dashboard's figures (`StatsResponse`)." } },
  },
  'GET /api/live': {
    tag: 'live',
    summary: { id: 'Berlangganan pembaruan langsung', en: 'Subscribe to live updates' },
    description: {
      id: 'Peralihan koneksi ke WebSocket. Topik: `agency:<id>` untuk staf instansi itu, `moderation` untuk moderator, `complaint:<code>` untuk pelapornya (token pelacakan sebagai subprotokol `token.<token>`) dan staf yang berwenang atasnya. Mintalah subprotokol `ntbcare` agar koneksi dikonfirmasi. Topik yang tidak boleh diikuti pemanggil dijawab tidak ditemukan, sebelum soket dibuka.',
      en: "A WebSocket upgrade. Topics: `agency:<id>` for that agency's staff, `moderation` for moderators, `complaint:<code>` for its reporter (the tracking token as the subprotocol `token.<token>`) and staff who reach it. Ask for the subprotocol `ntbcare` to have it confirmed. A topic the caller may not hear is not found, before any socket opens.",
    },
    access: [...reporterOrAnyone],
    ok: { status: 101, description: { id: 'Berganti protokol: soket terbuka.', en: 'Switching protocols: the socket is open.' }, contentType: null },
  },
} satisfies OperationDocs;
