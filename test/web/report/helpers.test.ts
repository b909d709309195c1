// The form's pure parts: photo sizing, what counts as an image, the NTB box, the tracking
// link, the checks mirroring the server's limits, server paths, the stored draft and key.
import { afterEach, describe, expect, it } from 'vitest';
import { complaintLimits, ntbBounds } from '../../../worker/domain/api';
import { CLIENT_KEY_STORAGE, getClientKey } from '../../../web/src/report/clientKey';
import { DRAFT_STORAGE, emptyFields, loadDraft, UPLOAD_REUSE_MS, type ReportFields } from '../../../web/src/report/draft';
import { insideBounds } from '../../../web/src/report/location';
import { fitWithin, isImageFile } from '../../../web/src/report/photo';
import { trackingPath } from '../../../web/src/report/tracking';
import { fieldOfPath, validateReport } from '../../../web/src/report/validate';

afterEach(() => localStorage.clear());

describe('fitWithin', () => {
  it('shrinks the long edge to the maximum and keeps the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 5000, 1600)).toEqual({ width: 960, height: 1600 });
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
  });

  it('never enlarges a photo that is small enough', () => {
    expect(fitWithin(1200, 1600, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(640, 480, 1600)).toEqual({ width: 640, height: 480 });
  });

  it('keeps at least one pixel on a very thin image', () => {
    expect(fitWithin(20000, 3, 1600)).toEqual({ width: 1600, height: 1 });
  });
});

describe('isImageFile', () => {
  it('takes images by type, and by name when the gallery gives no type', () => {
    expect(isImageFile(new File(['x'], 'a.jpg', { type: 'image/jpeg' }))).toBe(true);
    expect(isImageFile(new File(['x'], 'a.heic', { type: '' }))).toBe(true);
    expect(isImageFile(new File(['x'], 'surat.pdf', { type: 'application/pdf' }))).toBe(false);
    expect(isImageFile(new File(['x'], 'video.mp4', { type: '' }))).toBe(false);
  });
});

describe('insideBounds', () => {
  it('accepts Lombok and Sumbawa and refuses Bali and Jakarta', () => {
    expect(insideBounds(ntbBounds, -8.5833, 116.1167)).toBe(true); // Mataram
    expect(insideBounds(ntbBounds, -8.4606, 118.7267)).toBe(true); // Kota Bima
    expect(insideBounds(ntbBounds, -8.65, 115.2167)).toBe(false); // Denpasar
    expect(insideBounds(ntbBounds, -6.2, 106.8167)).toBe(false); // Jakarta
  });
});

describe('trackingPath', () => {
  it('puts the token in the fragment, never in the query', () => {
    const url = new URL(trackingPath('NTB-7K3M9Q2X', 'abc_DEF-123'), 'https://ntbcare.example');
    expect(url.pathname).toBe('/lacak/NTB-7K3M9Q2X');
    expect(url.search).toBe('');
    expect(url.hash).toBe('#t=abc_DEF-123');
  });
});

describe('validateReport', () => {
  const valid: ReportFields = {
    ...emptyFields(),
    category: 'air-bersih',
    title: 'Air PDAM mati',
    description: 'Sudah tiga hari air tidak mengalir.',
    regencyCode: '52.01',
    districtCode: '52.01.01',
    villageCode: '52.01.01.2001',
  };
  const keys = (v: typeof valid, failedPhotos = 0) =>
    validateReport(v, complaintLimits, failedPhotos).map((e) => e.key);

  it('passes a complete complaint', () => {
    expect(keys(valid)).toEqual([]);
  });

  it('mirrors the server limits, counting trimmed text', () => {
    expect(keys({ ...valid, title: '  Air   ' })).toEqual(['report.error.title.short']);
    expect(keys({ ...valid, title: 'x'.repeat(151) })).toEqual(['report.error.title.long']);
    expect(keys({ ...valid, title: 'x'.repeat(150) })).toEqual([]);
    expect(keys({ ...valid, description: 'pendek' })).toEqual(['report.error.description.short']);
    expect(keys({ ...valid, description: 'x'.repeat(4001) })).toEqual(['report.error.description.long']);
    expect(keys({ ...valid, address: 'x'.repeat(301) })).toEqual(['report.error.address.long']);
    expect(keys({ ...valid, name: 'x'.repeat(101) })).toEqual(['report.error.name.long']);
  });

  it('asks for the first place level still missing', () => {
    const place = (v: Partial<typeof valid>) =>
      validateReport({ ...valid, ...v }, complaintLimits, 0).map((e) => e.target);
    expect(place({ regencyCode: null, districtCode: null, villageCode: null })).toEqual(['regency']);
    expect(place({ villageCode: null })).toEqual(['village']);
  });

  it('checks a phone number and an email only when given', () => {
    expect(keys({ ...valid, phone: '0812 3456 7890' })).toEqual([]);
    expect(keys({ ...valid, phone: '+62 812-3456-7890' })).toEqual([]);
    expect(keys({ ...valid, phone: '12345' })).toEqual(['report.error.phone.invalid']);
    expect(keys({ ...valid, phone: '0812 abc 7890' })).toEqual(['report.error.phone.invalid']);
    // What the server refuses ("Not a phone number", in English) is named here first, in words
    // the reader chose: a leading bracket, more than 21 characters.
    expect(keys({ ...valid, phone: '(0812) 3456 7890' })).toEqual(['report.error.phone.invalid']);
    expect(keys({ ...valid, phone: '+62 - 812 - 3456 - 7890' })).toEqual(['report.error.phone.invalid']);
    expect(keys({ ...valid, phone: '0812 3456 7890\t1' })).toEqual(['report.error.phone.invalid']);
    expect(keys({ ...valid, email: 'budi@contoh.id' })).toEqual([]);
    expect(keys({ ...valid, email: 'budi@contoh' })).toEqual(['report.error.email.invalid']);
  });

  it('asks to retry or remove a photo whose upload failed', () => {
    expect(keys(valid, 1)).toEqual(['report.error.photos.failed']);
  });
});

describe('fieldOfPath', () => {
  it('finds the field of a server error path', () => {
    expect(fieldOfPath('title')).toBe('title');
    expect(fieldOfPath('reporter.email')).toBe('email');
    expect(fieldOfPath('villageCode')).toBe('place');
    expect(fieldOfPath('photoIds.2')).toBe('photos');
    expect(fieldOfPath('lat')).toBe('location');
    expect(fieldOfPath('priority')).toBeUndefined();
  });
});

describe('loadDraft', () => {
  it('starts fresh, with a new idempotency key, when nothing is stored', () => {
    const { draft, expiredPhotos } = loadDraft();
    expect(draft).toMatchObject({ ...emptyFields(), photos: [] });
    expect(draft.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(expiredPhotos).toBe(0);
  });

  it('keeps what is well-formed, drops the rest and photos too old to claim', () => {
    const now = Date.now();
    const photo = { thumb: 'data:image/jpeg;base64,AA', width: 1600, height: 1200 };
    localStorage.setItem(
      DRAFT_STORAGE,
      JSON.stringify({
        idempotencyKey: '11111111-2222-4333-8444-555555555555',
        title: 'Jalan rusak',
        description: 42,
        regencyCode: '52.01',
        lat: 'north',
        lng: 116.1,
        anonymous: 'yes',
        confidential: true,
        photos: [
          { id: 'fresh', uploadedAt: now - 1000, ...photo },
          { id: 'old', uploadedAt: now - UPLOAD_REUSE_MS - 1, ...photo },
          { id: 'bad', uploadedAt: now, ...photo, thumb: 'javascript:alert(1)' },
        ],
      }),
    );
    const { draft, expiredPhotos } = loadDraft(now);
    expect(draft.idempotencyKey).toBe('11111111-2222-4333-8444-555555555555');
    expect(draft.title).toBe('Jalan rusak');
    expect(draft.description).toBe('');
    expect(draft.regencyCode).toBe('52.01');
    expect([draft.lat, draft.lng]).toEqual([null, null]); // half a pin is no pin
    expect(draft.anonymous).toBe(false);
    expect(draft.confidential).toBe(true);
    expect(draft.photos.map((p) => p.id)).toEqual(['fresh']);
    expect(expiredPhotos).toBe(1);
  });

  it('survives a damaged store', () => {
    localStorage.setItem(DRAFT_STORAGE, '{not json');
    expect(loadDraft().draft.title).toBe('');
  });
});

describe('getClientKey', () => {
  it('creates the device key once and keeps it', () => {
    const key = getClientKey();
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem(CLIENT_KEY_STORAGE)).toBe(key);
    expect(getClientKey()).toBe(key);
  });
});
