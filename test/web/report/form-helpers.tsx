// Rendering the complaint page as the router shows it at /lapor, and filling it as a user does.
import { Route, Router } from '@solidjs/router';
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { MetaProvider } from '../../../web/src/api/meta';
import { I18nProvider } from '../../../web/src/i18n';
import Report from '../../../web/src/pages/Report';
import { choose, enabled } from '../select-helpers';

export function renderReport() {
  window.history.replaceState(null, '', '/lapor');
  return render(() => (
    <I18nProvider>
      <MetaProvider>
        <Router>
          <Route path="/lapor" component={Report} />
          <Route path="/lacak/:code" component={() => <h1>Lacak</h1>} />
        </Router>
      </MetaProvider>
    </I18nProvider>
  ));
}

export const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;

export const type = (label: string | RegExp, value: string) =>
  fireEvent.input(field(label), { target: { value } });

export const submitButton = () => screen.getByRole('button', { name: /Kirim pengaduan|Mengirim/ });

export async function chooseSelect(label: string, code: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  await enabled(select);
  choose(select, code);
}

export async function choosePlace() {
  await chooseSelect('Kabupaten/Kota', '52.01');
  await chooseSelect('Kecamatan', '52.01.01');
  await chooseSelect('Desa/Kelurahan', '52.01.01.2001');
}

/** Everything the form requires, typed and chosen. */
export async function fillRequired() {
  fireEvent.click(await screen.findByRole('radio', { name: 'Air bersih' }));
  type(/^Judul pengaduan/, 'Air PDAM mati tiga hari');
  type(/^Uraian masalah/, 'Sejak Senin air tidak mengalir di Dusun Dasan.');
  await choosePlace();
}

/** The error shown for a control: the text of its `aria-describedby` element ending in -error. */
export function errorOf(control: HTMLElement): string | null {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  const id = ids.find((i) => i.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
