// Bahasa Indonesia: the complaint form (/lapor).
// With the shell, these come with the entry chunk (see ../areas.ts): the form is the page that
// must load fastest.
export const messages = {
  'report.nav': 'Buat pengaduan',
  'report.cta': 'Buat pengaduan sekarang',
  'report.pageTitle': 'Buat pengaduan · NTB Care',
  'report.heading': 'Buat pengaduan',
  'report.intro':
    'Ceritakan masalahnya, di mana terjadinya, dan tambahkan foto bila ada. Cukup sekitar satu menit. Isian Anda tersimpan di perangkat ini sampai pengaduan terkirim.',
  'report.optional': '(tidak wajib)',

  'report.restored.text': 'Isian yang belum terkirim sudah dipulihkan dari perangkat ini.',
  'report.restored.startOver': 'Mulai dari awal',
  'report.restored.confirm': 'Hapus semua isian dan mulai dari awal?',
  'report.restored.expiredPhotos':
    '{n} foto yang diunggah lebih dari sehari yang lalu sudah tidak tersimpan di server. Tambahkan lagi bila perlu.',

  'report.section.what': '1. Apa masalahnya?',
  'report.section.where': '2. Di mana?',
  'report.section.photos': '3. Foto',
  'report.section.who': '4. Tentang Anda',

  'report.category.label': 'Kategori',
  'report.category.loading': 'Memuat kategori…',
  'report.category.error': 'Kategori gagal dimuat.',
  'report.title.label': 'Judul pengaduan',
  'report.title.hint': 'Singkat dan jelas, misalnya: Jalan berlubang di depan SDN 1 Gerung.',
  'report.description.label': 'Uraian masalah',
  'report.description.hint':
    'Ceritakan apa yang terjadi, sejak kapan, dan siapa yang terdampak. Jangan tulis data pribadi orang lain.',
  'report.count': '{count} dari {max} karakter',
  'report.count.over': 'Kelebihan {over} karakter (maksimal {max})',

  'report.place.label': 'Wilayah',
  'report.place.hint': 'Pilih kabupaten/kota, kecamatan, lalu desa/kelurahan tempat masalahnya.',
  'report.location.label': 'Titik lokasi',
  'report.location.hint':
    'Jika Anda sedang berada di tempat masalahnya, tandai titiknya dengan GPS ponsel agar petugas mudah menemukannya.',
  'report.location.use': 'Gunakan lokasi saya',
  'report.location.update': 'Perbarui lokasi',
  'report.location.clear': 'Hapus titik lokasi',
  'report.location.locating': 'Mencari lokasi Anda…',
  'report.location.value': 'Titik lokasi: {lat}, {lng}',
  'report.location.accuracy': '(akurasi ± {metres} m)',
  'report.location.map': 'Lihat di peta (OpenStreetMap)',
  'report.location.unsupported': 'Perangkat ini tidak dapat menentukan lokasi. Wilayah yang Anda pilih sudah cukup.',
  'report.location.denied':
    'Izin lokasi ditolak. Anda bisa mengizinkannya di pengaturan browser, atau lanjut tanpa titik lokasi.',
  'report.location.unavailable': 'Lokasi tidak dapat ditentukan. Coba lagi di tempat terbuka.',
  'report.location.timeout': 'Pencarian lokasi terlalu lama. Coba lagi.',
  'report.location.outside':
    'Lokasi Anda ({where}) berada di luar NTB, jadi tidak dipakai. Tandai titik hanya saat Anda berada di tempat masalahnya.',
  'report.address.label': 'Alamat atau patokan',
  'report.address.hint': 'Misalnya: Jl. Sriwijaya No. 10, di depan masjid.',

  'report.photos.label': 'Foto',
  'report.photos.hint':
    'Paling banyak {max} foto. Foto diperkecil sebelum dikirim agar hemat kuota, dan data lokasi di dalam file foto dihapus.',
  'report.photos.camera': 'Ambil foto',
  'report.photos.gallery': 'Pilih dari galeri',
  'report.photos.full': 'Sudah {max} foto, jumlah paling banyak.',
  'report.photo.name': 'Foto {n}',
  'report.photo.preview': 'Pratinjau {name}',
  'report.photo.processing': '{name}: menyiapkan…',
  'report.photo.uploading': '{name}: mengunggah {percent}%',
  'report.photo.done': '{name} terunggah.',
  'report.photo.retry': 'Coba lagi',
  'report.photo.remove': 'Hapus',
  'report.photo.notImage': '“{name}” bukan foto. Pilih file gambar (JPG, PNG, atau WebP).',
  'report.photo.tooMany': 'Paling banyak {max} foto: {skipped} foto tidak ditambahkan.',
  'report.photo.unreadable': 'Foto ini tidak dapat dibaca. Hapus, lalu coba foto lain.',
  'report.photo.tooLarge': 'Foto ini terlalu besar untuk dikirim.',
  'report.photo.unsupported': 'Jenis file ini tidak diterima. Gunakan JPG, PNG, atau WebP.',
  'report.photo.refused': 'Foto ini tidak dapat dipakai lagi. Hapus, lalu tambahkan lagi.',
  'report.photo.announce.done': 'Foto {n} selesai diunggah.',
  'report.photo.announce.failed': 'Foto {n} gagal diunggah.',
  'report.photo.announce.removed': 'Foto {n} dihapus.',

  'report.contact.hint':
    'Semua data diri tidak wajib. Isi nomor HP atau email jika Anda bersedia dihubungi petugas. Data ini tidak pernah ditampilkan kepada publik.',
  'report.name.label': 'Nama',
  'report.phone.label': 'Nomor HP',
  'report.phone.hint': 'Contoh: 0812 3456 7890',
  'report.email.label': 'Email',
  'report.privacy.label': 'Pilihan privasi',
  'report.anonymous.label': 'Anonim: sembunyikan nama saya',
  'report.anonymous.hint':
    'Nama Anda hanya dapat dilihat oleh petugas pemeriksa (moderator) Diskominfotik, tidak oleh instansi maupun publik.',
  'report.confidential.label': 'Rahasia: jangan tampilkan pengaduan ini ke publik',
  'report.confidential.hint':
    'Pengaduan tidak dipublikasikan: tidak muncul di daftar pengaduan publik. Hanya petugas yang menanganinya dan Anda yang dapat membacanya.',

  'report.summary.title': 'Pengaduan belum bisa dikirim. Periksa isian berikut:',
  'report.error.category.required': 'Pilih kategori pengaduan.',
  'report.error.title.required': 'Tulis judul pengaduan.',
  'report.error.title.short': 'Judul terlalu pendek: minimal {min} karakter.',
  'report.error.title.long': 'Judul terlalu panjang: maksimal {max} karakter.',
  'report.error.description.required': 'Tulis uraian masalahnya.',
  'report.error.description.short': 'Uraian terlalu pendek: minimal {min} karakter.',
  'report.error.description.long': 'Uraian terlalu panjang: maksimal {max} karakter, kelebihan {over}.',
  'report.error.regency.required': 'Pilih kabupaten/kota.',
  'report.error.district.required': 'Pilih kecamatan.',
  'report.error.village.required': 'Pilih desa/kelurahan.',
  'report.error.address.long': 'Alamat terlalu panjang: maksimal {max} karakter.',
  'report.error.name.long': 'Nama terlalu panjang: maksimal {max} karakter.',
  'report.error.phone.invalid': 'Nomor HP tidak valid: tulis 8 sampai 15 angka, contoh 0812 3456 7890.',
  'report.error.email.invalid': 'Alamat email tidak valid, contoh: nama@contoh.id.',
  'report.error.photos.failed': 'Ada foto yang gagal diunggah: coba lagi atau hapus foto itu.',
  'report.error.server': '{field} ditolak server: {message}',
  'report.error.serverOther': 'Ditolak server: {message}',

  'report.submit.label': 'Kirim pengaduan',
  'report.submit.busy': 'Mengirim…',
  'report.submit.sending': 'Mengirim pengaduan, mohon tunggu…',
  'report.submit.waiting': 'Menunggu foto selesai diunggah, lalu pengaduan langsung dikirim…',
  'report.submit.hint': 'Setiap pengaduan diperiksa lebih dulu oleh Diskominfotik NTB sebelum diteruskan ke instansi.',
  'report.submit.network':
    'Pengaduan belum terkirim karena tidak ada koneksi ke server. Isian Anda tetap tersimpan di perangkat ini; kirim lagi saat sinyal ada.',
  'report.submit.server':
    'Pengaduan belum terkirim karena gangguan di server. Isian Anda tetap tersimpan; coba kirim lagi sebentar lagi.',
  'report.submit.rateLimited':
    'Terlalu banyak pengaduan dari perangkat ini dalam waktu singkat. Coba kirim lagi {wait}.',
  'report.submit.rejected': 'Pengaduan ditolak server: {message}',
  'report.wait.seconds': 'dalam {n} detik',
  'report.wait.minutes': 'dalam {n} menit',
  'report.wait.later': 'beberapa saat lagi',

  'report.success.title': 'Pengaduan Anda sudah terkirim',
  'report.success.codeIntro': 'Kode pengaduan Anda:',
  'report.success.linkTitle': 'Tautan pelacakan pribadi',
  'report.success.warningStrong': 'Simpan tautan ini sekarang.',
  'report.success.warning':
    'Hanya lewat tautan ini Anda bisa mengikuti pengaduan secara pribadi dan membalas petugas. Kami tidak dapat mengirimkannya lagi. Jangan bagikan kepada orang yang tidak Anda percayai.',
  'report.success.linkLabel': 'Tautan pelacakan',
  'report.success.copy': 'Salin tautan',
  'report.success.share': 'Bagikan',
  'report.success.shareTitle': 'Pengaduan NTB Care {code}',
  'report.success.copied': 'Tautan sudah disalin.',
  'report.success.copyManually': 'Tautan tidak dapat disalin otomatis. Tautan sudah dipilih: salin secara manual.',
  'report.success.remembered': 'Pengaduan ini juga diingat di perangkat ini, di daftar pengaduan Anda.',
  'report.success.open': 'Buka halaman pelacakan',
  'report.success.another': 'Buat pengaduan lain',
};
