import { fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RegionPicker, type RegionPickerProps } from '../../web/src/components/RegionPicker';
import { I18nProvider } from '../../web/src/i18n';
import { installFakeApi } from './fake-api';
import { choose, enabled, optionTexts } from './select-helpers';
import { resetPage } from './page-helpers';

let api: ReturnType<typeof installFakeApi>;

beforeEach(() => {
  api = installFakeApi();
});

afterEach(() => resetPage());

function renderPicker(props: RegionPickerProps = {}) {
  const onChange = vi.fn();
  render(() => (
    <I18nProvider>
      <RegionPicker onChange={onChange} {...props} />
    </I18nProvider>
  ));
  return {
    onChange,
    regency: screen.getByLabelText('Kabupaten/Kota') as HTMLSelectElement,
    district: screen.getByLabelText('Kecamatan') as HTMLSelectElement,
    village: screen.getByLabelText('Desa/Kelurahan') as HTMLSelectElement,
  };
}

describe('RegionPicker', () => {
  it('starts with the regencies and the lower levels disabled', async () => {
    const { regency, district, village } = renderPicker();
    expect(screen.getByText('Memuat daftar kabupaten/kota…')).toBeTruthy();
    await enabled(regency);
    expect(optionTexts(regency)).toEqual([
      'Pilih kabupaten/kota',
      'Kabupaten Lombok Barat',
      'Kota Mataram',
    ]);
    expect(regency.name).toBe('regency');
    expect(district.disabled).toBe(true);
    expect(optionTexts(district)).toEqual(['Pilih kabupaten/kota dulu']);
    expect(village.disabled).toBe(true);
    expect(optionTexts(village)).toEqual(['Pilih kecamatan dulu']);
    expect(screen.queryByText('Memuat daftar kabupaten/kota…')).toBeNull();
    expect(api.paths()).toEqual(['/api/regions/52']);
  });

  it('loads and enables the districts of the chosen regency, then its villages', async () => {
    const { regency, district, village, onChange } = renderPicker();
    await enabled(regency);

    choose(regency, '52.01');
    expect(screen.getByText('Memuat daftar kecamatan…')).toBeTruthy();
    expect(district.disabled).toBe(true);
    await enabled(district);
    expect(optionTexts(district)).toEqual(['Pilih kecamatan', 'Gerung', 'Kediri']);
    expect(village.disabled).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith(
      { regencyCode: '52.01', districtCode: null, villageCode: null },
      expect.anything(),
    );

    choose(district, '52.01.01');
    await enabled(village);
    expect(optionTexts(village)).toEqual(['Pilih desa/kelurahan', 'Dasan Geres', 'Gerung Utara']);

    choose(village, '52.01.01.2001');
    expect(onChange).toHaveBeenLastCalledWith(
      { regencyCode: '52.01', districtCode: '52.01.01', villageCode: '52.01.01.2001' },
      {
        regency: expect.objectContaining({ name: 'Kabupaten Lombok Barat' }),
        district: expect.objectContaining({ name: 'Gerung' }),
        village: expect.objectContaining({ name: 'Dasan Geres' }),
      },
    );
    expect(api.paths()).toEqual(['/api/regions/52', '/api/regions/52.01', '/api/regions/52.01.01']);
  });

  it('resets the district and village when the regency changes', async () => {
    const { regency, district, village, onChange } = renderPicker();
    await enabled(regency);
    choose(regency, '52.01');
    await enabled(district);
    choose(district, '52.01.01');
    await enabled(village);
    choose(village, '52.01.01.2002');

    choose(regency, '52.71');
    expect(onChange).toHaveBeenLastCalledWith(
      { regencyCode: '52.71', districtCode: null, villageCode: null },
      expect.anything(),
    );
    expect(village.disabled).toBe(true);
    expect(optionTexts(village)).toEqual(['Pilih kecamatan dulu']);
    await enabled(district);
    expect(optionTexts(district)).toEqual(['Pilih kecamatan', 'Ampenan', 'Mataram']);
    expect(district.value).toBe('');

    choose(regency, '');
    expect(onChange).toHaveBeenLastCalledWith(
      { regencyCode: null, districtCode: null, villageCode: null },
      expect.anything(),
    );
    expect(district.disabled).toBe(true);
    expect(optionTexts(district)).toEqual(['Pilih kabupaten/kota dulu']);
  });

  it('shows a failed load in words and loads again on retry', async () => {
    const { regency, district } = renderPicker();
    await enabled(regency);
    api.failNext('/api/regions/52.01');

    choose(regency, '52.01');
    await screen.findByText('Daftar kecamatan gagal dimuat. Terjadi gangguan di server.');
    expect(district.disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await enabled(district);
    expect(optionTexts(district)).toEqual(['Pilih kecamatan', 'Gerung', 'Kediri']);
    expect(screen.queryByText(/gagal dimuat/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Coba lagi' })).toBeNull();
  });

  it('tells the user to check the connection when the network fails', async () => {
    api.failNext('/api/regions/52', 'network');
    const { regency } = renderPicker();
    await screen.findByText(
      'Daftar kabupaten/kota gagal dimuat. Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
    );
    expect(regency.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await enabled(regency);
  });

  it('starts from an initial value', async () => {
    const { regency, district, village } = renderPicker({
      value: { regencyCode: '52.71', districtCode: '52.71.01' },
    });
    await enabled(village);
    expect(regency.value).toBe('52.71');
    expect(district.value).toBe('52.71.01');
    expect(optionTexts(village)).toEqual(['Pilih desa/kelurahan', 'Pejeruk']);
    expect(village.value).toBe('');
  });

  it('can load from a fetcher prop instead of the API', async () => {
    const loadChildren = vi.fn(async (code: string) => ({
      region: { code, name: 'NTB', level: 'province' as const, parentCode: null },
      children: [{ code: '52.72', name: 'Kota Bima', level: 'regency' as const }],
    }));
    const { regency } = renderPicker({ loadChildren });
    await enabled(regency);
    expect(optionTexts(regency)).toEqual(['Pilih kabupaten/kota', 'Kota Bima']);
    expect(loadChildren).toHaveBeenCalledWith('52');
    expect(api.fetch).not.toHaveBeenCalled();
  });
});
