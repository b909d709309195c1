// Demo data for a local run only, never a production migration: staff accounts for the
// moderators, an admin, and one account per agency named after its slug, as at NTB Care's
// launch; and a few verified complaints for the public feed. Idempotent: running it again
// adds nothing and changes no password.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../worker/auth/password.ts';
import { sha256Hex } from '../worker/auth/tokens.ts';
import { root } from './local-stack.mjs';

export const DEMO_PASSWORD = 'ntbcare-demo';
/** An Open311 key for trying POST requests locally; known to everyone, so local only. */
export const DEMO_API_KEY = 'ntbcare_00000000000000000000000000000311';

const sqlText = (value) => `'${String(value).replaceAll("'", "''")}'`;

export function demoLogins() {
  const agencies = JSON.parse(readFileSync(join(root, 'data', 'agencies.json'), 'utf8'));
  return [
    { username: 'moderator', displayName: 'Moderator Diskominfotik', role: 'moderator' },
    { username: 'admin', displayName: 'Admin NTB Care', role: 'admin' },
    ...agencies.map((a) => ({ username: a.slug, displayName: a.shortName ?? a.name, role: 'agency', agency: a.slug })),
  ];
}

const HOUR = 3600_000;

/**
 * A few complaints the moderators have already verified, so the public feed and the map
 * have something to show. Their reporters' names must never appear there.
 */
export const demoComplaints = [
  { code: 'NTB-DEM00001', category: 'air-bersih', village: '52.71.01.1004', agency: 'pdam-giri-menang', status: 'forwarded', hoursAgo: 5, lat: -8.5747, lng: 116.0772, reporter: 'Baiq Rahmawati', anonymous: false,
    title: 'Air PDAM tidak mengalir sejak tiga hari', description: 'Sejak Senin pagi air PDAM di Lingkungan Karang Panas tidak mengalir sama sekali. Warga terpaksa membeli air galon untuk memasak dan mandi.' },
  // Acknowledged but not answered, due 24 hours after its forward 29 hours ago: overdue, for the
  // moderators' overdue view.
  { code: 'NTB-DEM00002', category: 'jalan-jembatan', village: '52.02.01.1002', agency: 'pemkab-lombok-tengah', status: 'in_progress', hoursAgo: 30, dueAfterHours: 24, answered: false, lat: null, lng: null, reporter: 'Lalu Hendra', anonymous: true,
    title: 'Jalan berlubang di depan SDN 1', description: 'Lubang besar di jalan depan sekolah sudah dua bulan tidak diperbaiki. Saat hujan tergenang dan beberapa anak sepeda motor jatuh.' },
  { code: 'NTB-DEM00003', category: 'sampah-kebersihan', village: '52.71.02.1001', agency: 'pemkot-mataram', status: 'resolved', hoursAgo: 72, lat: -8.5889, lng: 116.1001, reporter: 'Muhammad Zainul', anonymous: false,
    title: 'Sampah menumpuk di pinggir sungai', description: 'Tumpukan sampah di pinggir sungai dekat jembatan sudah seminggu tidak diangkut dan mulai berbau.' },
  { code: 'NTB-DEM00004', category: 'kesehatan', village: '52.04.02.2001', agency: 'dinas-kesehatan-ntb', status: 'forwarded', hoursAgo: 2, lat: null, lng: null, reporter: 'Siti Aminah', anonymous: true,
    title: 'Puskesmas tutup pada jam layanan', description: 'Hari Rabu pukul sepuluh pagi puskesmas sudah tutup, padahal jadwal layanan sampai pukul dua siang. Kami datang dari desa sebelah.' },
];

const sqlValue = (value) => (value === null || value === undefined ? 'NULL' : typeof value === 'number' ? String(value) : sqlText(value));

function demoComplaintSql(c, now) {
  const submitted = now - c.hoursAgo * HOUR;
  const forwarded = submitted + HOUR;
  // As the API keeps them: an answer sets the first response and stops the target running.
  const answered = c.status !== 'forwarded' && c.answered !== false;
  const firstResponse = answered ? forwarded + 2 * HOUR : null;
  const due = answered ? null : forwarded + (c.dueAfterHours ?? 48) * HOUR;
  const resolved = c.status === 'resolved' ? forwarded + 20 * HOUR : null;
  const district = c.village.split('.').slice(0, 3).join('.');
  const regency = c.village.split('.').slice(0, 2).join('.');
  const complaintId = `(SELECT id FROM complaints WHERE code = ${sqlText(c.code)})`;
  const agencyId = `(SELECT id FROM agencies WHERE slug = ${sqlText(c.agency)})`;
  const event = (type, role, from, to, at, body, visibility = 'public') =>
    `INSERT INTO events (complaint_id, type, actor_role, agency_id, visibility, from_status, to_status, body, created_at, delivered_at)
  SELECT ${complaintId}, ${sqlText(type)}, ${sqlText(role)}, ${role === 'agency' ? agencyId : 'NULL'}, ${sqlText(visibility)}, ${sqlValue(from)}, ${sqlText(to)}, ${sqlValue(body)}, ${at}, ${at}
  WHERE NOT EXISTS (SELECT 1 FROM events WHERE complaint_id = ${complaintId} AND type = ${sqlText(type)});`;
  const steps = [
    `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, lat, lng, priority, status, agency_id, reporter_name, anonymous, confidential, tracking_token_hash, submitted_at, forwarded_at, first_response_at, resolved_at, updated_at, due_at)
  SELECT ${sqlText(c.code)}, ${sqlText(c.title)}, ${sqlText(c.description)}, id, ${sqlText(regency)}, ${sqlText(district)}, ${sqlText(c.village)}, ${sqlValue(c.lat)}, ${sqlValue(c.lng)}, default_priority, ${sqlText(c.status)}, ${agencyId}, ${sqlText(c.reporter)}, ${c.anonymous ? 1 : 0}, 0, ${sqlText(randomHex(32))}, ${submitted}, ${forwarded}, ${sqlValue(firstResponse)}, ${sqlValue(resolved)}, ${forwarded}, ${sqlValue(due)}
  FROM categories WHERE slug = ${sqlText(c.category)}
  ON CONFLICT (code) DO NOTHING;`,
    event('submitted', 'citizen', null, 'submitted', submitted, null),
    event('forwarded', 'moderator', 'submitted', 'forwarded', forwarded, null),
  ];
  if (answered) {
    steps.push(event('response', 'agency', 'forwarded', 'in_progress', firstResponse, 'Terima kasih, laporan sudah kami terima dan petugas dijadwalkan ke lokasi.'));
  } else if (c.status !== 'forwarded') {
    steps.push(event('acknowledged', 'agency', 'forwarded', 'in_progress', forwarded + 2 * HOUR, null));
  }
  if (c.status === 'resolved') {
    steps.push(event('resolved', 'agency', 'in_progress', 'resolved', resolved, 'Sampah sudah diangkut dan jadwal pengangkutan ditambah menjadi dua kali seminggu.'));
  }
  return steps;
}

function randomHex(n) {
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function demoSeedSql() {
  const statements = [];
  const now = Date.now();
  for (const complaint of demoComplaints) statements.push(...demoComplaintSql(complaint, now));
  for (const login of demoLogins()) {
    const hash = await hashPassword(DEMO_PASSWORD);
    const values = [sqlText(login.username), sqlText(login.displayName), sqlText(login.role)];
    statements.push(
      login.agency
        ? `INSERT INTO users (username, display_name, role, agency_id, password_hash)
  SELECT ${values.join(', ')}, id, ${sqlText(hash)} FROM agencies WHERE slug = ${sqlText(login.agency)}
  ON CONFLICT (username) DO NOTHING;`
        : `INSERT INTO users (username, display_name, role, password_hash)
  VALUES (${values.join(', ')}, ${sqlText(hash)}) ON CONFLICT (username) DO NOTHING;`,
    );
  }
  statements.push(
    `INSERT INTO api_keys (name, prefix, key_hash, created_by)
  SELECT 'Demo lokal (local demo)', ${sqlText(DEMO_API_KEY.slice(0, 12))}, ${sqlText(await sha256Hex(DEMO_API_KEY))}, id FROM users WHERE username = 'admin'
  ON CONFLICT (key_hash) DO NOTHING;`,
  );
  return `${statements.join('\n')}\n`;
}
