// Bahasa Indonesia: the API reference (/dokumentasi-api). The operations' own words come from
// the document, which carries each in both languages. Loaded with the page (see ../areas.ts).
import type { AreaMessages } from '../areas';

export const messages = {
  'apiDocs.pageTitle': 'Dokumentasi API · NTB Care',
  'apiDocs.title': 'Dokumentasi API',
  'apiDocs.intro':
    'Aplikasi lain dapat memakai NTB Care lewat API JSON di /api. Halaman ini dibaca dari dokumen OpenAPI 3.1 yang dibuat dari validasi setiap rute, jadi selalu sesuai dengan API.',
  'apiDocs.download': 'Dokumen OpenAPI (JSON)',
  'apiDocs.loading': 'Memuat dokumentasi…',
  'apiDocs.error': 'Dokumentasi gagal dimuat.',
  'apiDocs.version': 'Versi {version}',
  'apiDocs.credentials': 'Bukti akses',
  'apiDocs.errorShape': 'Bentuk kesalahan',
  'apiDocs.errorShapeIntro': 'Setiap jawaban 4xx berisi bentuk yang sama; statusnya menyatakan jenis kesalahan.',
  'apiDocs.access': 'Akses',
  'apiDocs.access.public': 'publik',
  'apiDocs.access.staffSession': 'sesi staf',
  'apiDocs.access.trackingToken': 'token pelacakan',
  'apiDocs.roles': 'peran: {roles}',
  'apiDocs.parameters': 'Parameter',
  'apiDocs.body': 'Isi permintaan',
  'apiDocs.responses': 'Jawaban',
  'apiDocs.required': 'wajib',
  'apiDocs.optional': 'opsional',
  'apiDocs.closed': 'Isian lain ditolak.',
} satisfies AreaMessages<'apiDocs'>;
