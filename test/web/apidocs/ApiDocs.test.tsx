import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../web/src/App';
import { useAppPage } from '../page-helpers';
import { installOpenApi } from './fake-openapi';

let api: ReturnType<typeof installOpenApi>;

useAppPage();

beforeEach(() => {
  api = installOpenApi();
});

async function openReference() {
  window.history.replaceState(null, '', '/dokumentasi-api');
  render(() => <App />);
  // The page is a lazy chunk: its first import in a busy run can take more than a second.
  await screen.findByRole('heading', { level: 1, name: 'Dokumentasi API' }, { timeout: 5000 });
}

/** The block of one operation, found by its method and path as the reader sees them. */
async function operation(methodAndPath: string) {
  const [method, path] = methodAndPath.split(' ');
  const summaries = await screen.findAllByText(
    (_, el) => el?.tagName === 'SUMMARY' && el.querySelector('.api-method')?.textContent === method && el.querySelector('.api-path')?.textContent === path,
  );
  expect(summaries).toHaveLength(1);
  return summaries[0]!.closest('details')!;
}

const itemOf = (block: HTMLElement, name: string) => within(block).getByText(name, { selector: 'code.api-name' }).closest('li')!;

describe('API reference page', () => {
  it('lists the operations under their groups, in Indonesian, with the link to the document', async () => {
    await openReference();
    expect(document.title).toBe('Dokumentasi API · NTB Care');
    expect(screen.getByRole('link', { name: 'Dokumen OpenAPI (JSON)' }).getAttribute('href')).toBe('/api/openapi.json');
    expect(await screen.findByText('Versi 0.1.0')).toBeTruthy();

    const groups = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(groups).toEqual(['Bukti akses', 'Bentuk kesalahan', 'Pengaduan warga', 'Moderasi']);
    const complaints = screen.getByRole('heading', { level: 2, name: 'Pengaduan warga' }).closest('section')!;
    const summaries = [...complaints.querySelectorAll('summary')].map((s) => s.textContent);
    expect(summaries).toEqual(['POST /api/complaints Ajukan pengaduan', 'GET /api/complaints/{code} Satu pengaduan']);
    expect(api.paths()).toContain('/api/openapi.json');
  });

  it('shows the parameters, the body field by field and the answers of an operation', async () => {
    await openReference();
    const create = await operation('POST /api/complaints');
    fireEvent.click(create.querySelector('summary')!);
    expect(create.open).toBe(true);

    expect(within(create).getByText('Akses:').parentElement!.textContent).toBe('Akses: publik');
    expect(itemOf(create, 'Idempotency-Key').textContent).toBe('Idempotency-Key header opsional string · pattern ^[A-Za-z0-9_-]{8,100}$Membuat pengiriman ulang aman.');

    within(create).getByRole('heading', { level: 3, name: 'Isi permintaan' });
    expect(within(create).getByText('application/json', { selector: 'p > code' })).toBeTruthy();
    expect(itemOf(create, 'title').textContent).toBe('title wajib string · maxLength 150');
    expect(itemOf(create, 'lat').textContent).toBe('lat opsional number | null · minimum -9.2 · maximum -7.9');
    expect(itemOf(create, 'photoIds').textContent).toBe('photoIds opsional string[] · maxItems 5 · default []');
    // A nested object opens into its own list; a format stands for its long pattern.
    const reporter = itemOf(create, 'reporter');
    expect(itemOf(reporter, 'email').textContent).toBe('email opsional string (email) | null');
    expect(within(create).getAllByText('Isian lain ditolak.')).toHaveLength(2);

    const answers = within(create).getByRole('heading', { level: 3, name: 'Jawaban' }).nextElementSibling as HTMLElement;
    const statuses = [...answers.querySelectorAll('dt strong')].map((s) => s.textContent);
    expect(statuses).toEqual(['201', '400', '429']);
    expect(itemOf(answers, 'trackingToken').textContent).toBe('trackingToken wajib string');
    // The shared refusals are looked up in the document's components.
    expect(answers.textContent).toContain('Bentuknya salah; details menyebut setiap isian.');
    expect(answers.textContent).toContain('Terlalu banyak permintaan.');
    expect(within(answers).getByText('details', { selector: 'code' })).toBeTruthy();
  });

  it('says who may call each operation', async () => {
    await openReference();
    const read = await operation('GET /api/complaints/{code}');
    expect(within(read).getByText('Akses:').parentElement!.textContent).toBe('Akses: publik; token pelacakan; sesi staf');
    expect(itemOf(read, 'code').textContent).toBe('code path wajib string · pattern ^NTB-[0-9A-HJKMNP-TV-Z]{8}$');
    const forward = await operation('POST /api/complaints/{code}/forward');
    expect(within(forward).getByText('Akses:').parentElement!.textContent).toBe('Akses: sesi staf (peran: moderator, admin)');
  });

  it('shows the one error shape once, from the document', async () => {
    await openReference();
    const errors = (await screen.findByRole('heading', { level: 2, name: 'Bentuk kesalahan' })).closest('section')!;
    const error = itemOf(errors, 'error');
    expect(itemOf(error, 'code').textContent).toBe('code wajib "validation_failed" | "not_found"');
    expect(itemOf(error, 'message').textContent).toBe('message wajib string');
  });

  it('renders the words of the document as text, never as markup', async () => {
    await openReference();
    const create = await operation('POST /api/complaints');
    const description = within(create).getByText('trackingToken', { selector: 'p > code' }).parentElement!;
    expect(description.textContent).toBe('Memberikan trackingToken sekali saja. <img src=x onerror=alert(1)>');
    expect(create.querySelector('img')).toBeNull();
  });

  it('shows the words of the document in the language the reader chose', async () => {
    await openReference();
    const create = await operation('POST /api/complaints');
    const read = await operation('GET /api/complaints/{code}');
    const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);
    /** The document's introduction, its credentials, and an operation's description, header note and answers. */
    const shown = () => {
      const credentials = screen.getByRole('heading', { level: 2, name: /^(Bukti akses|Credentials)$/ }).closest('section')!;
      return {
        about: document.querySelector('.api-about')!.textContent,
        credentials: texts(credentials, 'dt, dd'),
        description: create.querySelector('.api-op-body > p')!.textContent,
        header: itemOf(create, 'Idempotency-Key').querySelector('.api-note')!.textContent,
        answers: texts(read, '.api-responses dd > p'),
      };
    };

    expect(shown()).toEqual({
      about: 'API JSON NTB Care; setiap kesalahan memakai satu bentuk, ErrorBody.',
      credentials: ['sesi staf cookie ntbcare_session', 'Sesi staf.', 'token pelacakan header X-Tracking-Token', 'Rahasia pelapor.'],
      description: 'Memberikan trackingToken sekali saja. <img src=x onerror=alert(1)>',
      header: 'Membuat pengiriman ulang aman.',
      answers: ['Pengaduan itu (ComplaintView).', 'Tidak ditemukan.'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { level: 1, name: 'API documentation' });
    expect(shown()).toEqual({
      about: 'The JSON API of NTB Care; failures have one shape, ErrorBody.',
      credentials: ['staff session cookie ntbcare_session', 'The staff session.', 'tracking token header X-Tracking-Token', "The reporter's secret."],
      description: 'Answers the trackingToken once. <img src=x onerror=alert(1)>',
      header: 'Makes a retry safe.',
      answers: ['The complaint (ComplaintView).', 'Not found.'],
    });
  });

  it('switches the summaries and groups to English', async () => {
    await openReference();
    await operation('POST /api/complaints');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    // The English words load on the first switch.
    expect(await screen.findByRole('heading', { level: 1, name: 'API documentation' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: "Citizens' complaints" })).toBeTruthy();
    const forward = await operation('POST /api/complaints/{code}/forward');
    expect(forward.querySelector('summary')!.textContent).toBe('POST /api/complaints/{code}/forward Forward to an agency');
    expect(within(forward).getByText('Access:').parentElement!.textContent).toBe('Access: staff session (roles: moderator, admin)');
  });

  it('says when the document cannot be loaded, and loads it on retry', async () => {
    api.failDocumentOnce();
    await openReference();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Dokumentasi gagal dimuat. Terjadi gangguan di server.');
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await operation('POST /api/complaints')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is linked from the footer of every page', async () => {
    window.history.replaceState(null, '', '/');
    render(() => <App />);
    const footer = screen.getByRole('contentinfo');
    fireEvent.click(within(footer).getByRole('link', { name: 'Dokumentasi API' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dokumentasi API' }, { timeout: 5000 })).toBeTruthy();
    expect(window.location.pathname).toBe('/dokumentasi-api');
  });
});
