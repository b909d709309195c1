// Bahasa Indonesia: the frame of every page (header, footer, language), the home page, the
// region picker, places, failures and statuses. The default language, always loaded: this
// comes with the entry chunk (see ../areas.ts).
export const messages = {
  'app.name': 'NTB Care',
  'app.tagline': 'Pengaduan warga Nusa Tenggara Barat',
  'title.home': 'NTB Care: pengaduan warga NTB',
  'title.notFound': 'Halaman tidak ditemukan · NTB Care',

  'layout.skip': 'Langsung ke isi utama',
  'layout.homeLink': 'NTB Care, ke beranda',
  'layout.nav': 'Navigasi utama',
  'nav.home': 'Beranda',
  'nav.categories': 'Kategori',
  'nav.regions': 'Cari wilayah',
  'lang.label': 'Bahasa',
  'lang.id': 'Indonesia',
  'lang.en': 'English',
  'footer.about':
    'NTB Care adalah layanan Pemerintah Provinsi Nusa Tenggara Barat, dikelola oleh Dinas Komunikasi, Informatika dan Statistik (Diskominfotik).',

  'home.title': 'Sampaikan keluhan Anda tentang layanan publik di NTB',
  'home.intro':
    'Jalan rusak, air PDAM tidak mengalir, pelayanan di kantor pemerintah yang lambat, atau pegawai negeri yang tidak disiplin? Lewat NTB Care, warga Nusa Tenggara Barat bisa menyampaikan pengaduan langsung kepada pemerintah daerah.',
  'home.how':
    'Setiap pengaduan diperiksa lebih dulu oleh Diskominfotik NTB, lalu diteruskan ke instansi yang bertanggung jawab untuk ditindaklanjuti.',
  'home.categories.title': 'Kategori pengaduan',
  'home.categories.intro': 'Pengaduan dikelompokkan menurut jenis masalahnya.',
  'home.categories.loading': 'Memuat kategori…',
  'home.categories.error': 'Kategori gagal dimuat.',
  'home.categories.empty': 'Belum ada kategori.',
  'home.regions.title': 'Cari wilayah',
  'home.regions.intro':
    'Pilih kabupaten/kota, lalu kecamatan, lalu desa/kelurahan untuk menemukan wilayah Anda.',
  'home.regions.chosen': 'Wilayah yang Anda pilih:',

  'picker.regency.label': 'Kabupaten/Kota',
  'picker.regency.choose': 'Pilih kabupaten/kota',
  'picker.regency.loading': 'Memuat daftar kabupaten/kota…',
  'picker.regency.error': 'Daftar kabupaten/kota gagal dimuat.',
  'picker.district.label': 'Kecamatan',
  'picker.district.choose': 'Pilih kecamatan',
  'picker.district.waiting': 'Pilih kabupaten/kota dulu',
  'picker.district.loading': 'Memuat daftar kecamatan…',
  'picker.district.error': 'Daftar kecamatan gagal dimuat.',
  'picker.village.label': 'Desa/Kelurahan',
  'picker.village.choose': 'Pilih desa/kelurahan',
  'picker.village.waiting': 'Pilih kecamatan dulu',
  'picker.village.loading': 'Memuat daftar desa/kelurahan…',
  'picker.village.error': 'Daftar desa/kelurahan gagal dimuat.',

  // Place names keep the official Indonesian words in every language.
  'place.district': 'Kecamatan {name}',
  'place.desa': 'Desa {name}',
  'place.kelurahan': 'Kelurahan {name}',

  'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
  'error.notFound': 'Data tidak ditemukan.',
  'error.rateLimited': 'Terlalu banyak permintaan. Tunggu sebentar.',
  'error.server': 'Terjadi gangguan di server.',
  'error.retry': 'Coba lagi',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat yang Anda buka tidak ada di NTB Care. Periksa kembali alamatnya.',
  'notFound.home': 'Kembali ke beranda',

  // The status of a complaint, wherever it is shown.
  'status.label': 'Status',
  'status.submitted': 'Diterima',
  'status.forwarded': 'Diteruskan ke instansi',
  'status.in_progress': 'Sedang ditangani',
  'status.resolved': 'Selesai ditangani',
  'status.closed': 'Ditutup',
  'status.rejected': 'Ditolak',
  'status.duplicate': 'Duplikat',

  // Links of the header and footer to pages whose own words load with them.
  'track.nav': 'Lacak pengaduan',
  'feed.nav': 'Pengaduan publik',
  'stats.nav': 'Statistik',
  'staff.link': 'Masuk petugas',
  'apiDocs.link': 'Dokumentasi API',
};
