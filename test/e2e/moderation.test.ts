// A citizen files; a moderator signs in at /masuk, finds it in the desk with the right
// suggestion and forwards it; a second complaint is rejected, and its reporter's tracking
// page shows the reason; a complaint an agency holds past due (demo data) is chased with a
// reminder the agency then reads.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ComplaintView, CreateComplaintResponse } from '../../worker/domain/api';
import { seriousA11yViolations } from './axe';
import { collectPageErrors, launchBrowser } from './browser';
import { sessionCookie } from '../support/session-cookie';

const baseUrl = inject('baseUrl');
let browser: Browser;
let desk: Page;
let deskErrors: string[];

/** Files a complaint through the public API, as the form does. */
async function file(title: string, category: string): Promise<CreateComplaintResponse> {
  const res = await fetch(`${baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Client-Key': crypto.randomUUID(), 'CF-Connecting-IP': '203.0.113.7' },
    body: JSON.stringify({
      title,
      description: 'Sudah seminggu masalah ini dibiarkan dan warga sekitar sangat terganggu setiap hari.',
      category,
      regencyCode: '52.71',
      districtCode: '52.71.01',
      villageCode: '52.71.01.1004',
      photoIds: [],
      reporter: { name: 'Pelapor Uji Moderasi' },
      anonymous: false,
      confidential: false,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateComplaintResponse;
}

async function view(code: string, token: string): Promise<ComplaintView> {
  return (await (await fetch(`${baseUrl}/api/complaints/${code}`, { headers: { 'X-Tracking-Token': token } })).json()) as ComplaintView;
}

let water: CreateComplaintResponse;
let junk: CreateComplaintResponse;

beforeAll(async () => {
  water = await file('Air PDAM keruh dan berbau di Ampenan', 'air-bersih');
  junk = await file('Tetangga saya berisik setiap malam', 'lainnya');
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  desk = await context.newPage();
  deskErrors = collectPageErrors(desk);
});
afterAll(async () => {
  await browser?.close();
});

describe('the moderators’ desk', () => {
  it('asks for a sign-in first, then opens the desk', async () => {
    await desk.goto(`${baseUrl}/moderasi`, { waitUntil: 'networkidle' });
    await desk.waitForURL(/\/masuk\?lanjut=/);
    await desk.getByLabel('Nama pengguna').fill('moderator');
    await desk.getByLabel('Kata sandi', { exact: true }).fill('ntbcare-demo');
    await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
    await desk.waitForURL(/\/moderasi$/);
    await desk.locator(`#queue-${water.code}`).waitFor();
  });

  it('shows the complaint with the routing suggestion and forwards it', async () => {
    await desk.locator(`#queue-${water.code}`).click();
    await desk.getByText('Air PDAM keruh dan berbau di Ampenan').first().waitFor();
    // The queue consumer's suggestion for clean water in Kota Mataram.
    await expect.poll(async () => desk.locator('#suggestion-title + p').textContent()).toContain('Giri Menang');

    await desk.getByRole('button', { name: /^Teruskan/ }).first().click();
    await desk.getByRole('button', { name: /^Teruskan ke .*Giri Menang/ }).click();
    await expect.poll(() => desk.locator(`#queue-${water.code}`).count()).toBe(0);

    const after = await view(water.code, water.trackingToken);
    expect(after.status).toBe('forwarded');
    expect(after.agency?.slug).toBe('pdam-giri-menang');
  });

  it('rejects the second complaint with a reason its reporter then reads', async () => {
    await desk.locator(`#queue-${junk.code}`).click();
    await desk.getByRole('button', { name: /^Tolak/ }).first().click();
    await desk.getByLabel('Bukan soal layanan publik').check();
    await desk.fill('#reject-message', 'Masalah antartetangga dapat diselesaikan lewat kepala lingkungan.');
    await desk.getByRole('button', { name: `Tolak ${junk.code}` }).click();
    await expect.poll(() => desk.locator(`#queue-${junk.code}`).count()).toBe(0);
    // The only failed request: asking who is signed in before anyone was.
    expect(deskErrors.filter((e) => !/401 .*\/api\/auth\/me/.test(e))).toEqual([]);

    const reporter = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
    await reporter.goto(`${baseUrl}/lacak/${junk.code}#t=${junk.trackingToken}`, { waitUntil: 'networkidle' });
    await reporter.getByText('Alasan: bukan urusan layanan publik pemerintah').waitFor();
    expect(await reporter.textContent('body')).toContain('Masalah antartetangga dapat diselesaikan lewat kepala lingkungan.');
    expect(await reporter.textContent('body')).toContain('Ditolak');
  });

  it('chases a complaint an agency holds past due: the overdue view, a reminder the agency reads', async () => {
    // NTB-DEM00002 (demo data): acknowledged, not answered, by Pemkab Lombok Tengah; due five hours ago.
    const tab = desk.getByRole('tab', { name: /^Lewat tenggat di instansi/ });
    await expect.poll(async () => tab.textContent()).toMatch(/\(\d+\)$/);
    await tab.click();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await desk.locator('#overdue-NTB-DEM00002').click();
    await desk.locator('#desk-panel-overdue').getByRole('heading', { name: 'Jalan berlubang di depan SDN 1', exact: true }).waitFor();
    expect(await desk.locator('#overdue-NTB-DEM00002').textContent()).toMatch(/lewat 5 jam/);

    await desk.getByRole('button', { name: 'Ingatkan instansi', exact: true }).click();
    await desk.fill('#remind-text', 'Pengingat uji: mohon jawab pelapor hari ini.');
    await desk.getByRole('button', { name: 'Kirim pengingat' }).click();
    await desk.getByText(/Pengingat untuk NTB-DEM00002 terkirim ke/).waitFor();
    await expect.poll(async () => desk.locator('#overdue-NTB-DEM00002').textContent()).toMatch(/diingatkan/);

    // The agency reads it among its complaint's internal notes; the reporter and the public do not.
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'pemkab-lombok-tengah', password: 'ntbcare-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = sessionCookie(login);
    const asAgency = (await (await fetch(`${baseUrl}/api/complaints/NTB-DEM00002`, { headers: { Cookie: cookie } })).json()) as ComplaintView;
    expect(asAgency.events.map((e) => e.body)).toContain('Pengingat uji: mohon jawab pelapor hari ini.');
    const asPublic = await (await fetch(`${baseUrl}/api/complaints/NTB-DEM00002`)).text();
    expect(asPublic).not.toContain('Pengingat uji');
    expect(deskErrors.filter((e) => !/401 .*\/api\/auth\/me/.test(e))).toEqual([]);
  });
});

describe('staff pages’ accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  /** Signed in through the sign-in page, in a context that lets axe's script run past the CSP. */
  async function signedIn(username: string, width: number) {
    const context = await browser.newContext({ viewport: { width, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/masuk`, { waitUntil: 'networkidle' });
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi', { exact: true }).fill('ntbcare-demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    return page;
  }

  it('finds no serious or critical violation on the desk (both views), the agency inbox and the admin settings', async () => {
    for (const width of [1280, 390]) {
      const moderator = await signedIn('moderator', width);
      await moderator.goto(`${baseUrl}/moderasi`, { waitUntil: 'networkidle' });
      await moderator.getByRole('tab', { name: /^Antrean triase/ }).waitFor();
      expect(await seriousA11yViolations(moderator), `desk, triage, ${width}px`).toEqual([]);
      await moderator.getByRole('tab', { name: /^Lewat tenggat di instansi/ }).click();
      await moderator.locator('#overdue-NTB-DEM00002').click();
      await moderator.locator('#desk-panel-overdue').getByRole('heading', { name: 'Jalan berlubang di depan SDN 1', exact: true }).waitFor();
      expect(await seriousA11yViolations(moderator), `desk, overdue, ${width}px`).toEqual([]);

      const agency = await signedIn('pemkab-lombok-tengah', width);
      await agency.goto(`${baseUrl}/instansi`, { waitUntil: 'networkidle' });
      await agency.locator('#inbox-NTB-DEM00002').click();
      await agency.getByRole('heading', { level: 2, name: 'Jalan berlubang di depan SDN 1' }).waitFor();
      expect(await seriousA11yViolations(agency), `agency inbox, ${width}px`).toEqual([]);

      const admin = await signedIn('admin', width);
      for (const path of ['/admin', '/admin/akun']) {
        await admin.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
        await admin.locator('h1').first().waitFor();
        expect(await seriousA11yViolations(admin), `${path}, ${width}px`).toEqual([]);
      }
    }
  });
});
