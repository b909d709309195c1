// "Use my location": fills the optional pin from the phone's GPS, shows it, and clears it.
// No map here, to keep the form light; a link opens the point on OpenStreetMap.
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { locate, type Bounds, type LocateProblem, type Pin } from '../../report/location';

export interface LocationPinProps {
  pin: Pin | null;
  bounds: Bounds;
  onChange: (pin: Pin | null) => void;
  error?: string;
}

export function LocationPin(props: LocationPinProps) {
  const { t } = useI18n();
  let useButton!: HTMLButtonElement;
  const [locating, setLocating] = createSignal(false);
  const [problem, setProblem] = createSignal<{ kind: LocateProblem; where?: string } | null>(null);

  async function useMyLocation() {
    setLocating(true);
    setProblem(null);
    const result = await locate(props.bounds);
    setLocating(false);
    if ('pin' in result) props.onChange(result.pin);
    else setProblem({ kind: result.problem, where: result.lat !== undefined ? `${result.lat}, ${result.lng}` : undefined });
  }

  function clear() {
    props.onChange(null);
    setProblem(null);
    useButton.focus(); // the clear button is gone
  }

  const status = () => {
    if (locating()) return t('report.location.locating');
    const p = problem();
    if (p) return t(`report.location.${p.kind}`, { where: p.where ?? '' });
    return '';
  };
  const mapLink = (pin: Pin) =>
    `https://www.openstreetmap.org/?mlat=${pin.lat}&mlon=${pin.lng}#map=17/${pin.lat}/${pin.lng}`;

  return (
    <div id="report-location" class="field location-pin" classList={{ invalid: !!props.error }}>
      <p class="field-label" id="report-location-label">
        {t('report.location.label')} <span class="optional">{t('report.optional')}</span>
      </p>
      <p class="hint" id="report-location-hint">
        {t('report.location.hint')}
      </p>
      <Show when={props.error}>
        <p id="report-location-error" class="field-error">
          {props.error}
        </p>
      </Show>
      <Show when={props.pin}>
        {(pin) => (
          <p class="pin-value">
            {t('report.location.value', {
              lat: String(pin().lat),
              lng: String(pin().lng),
            })}
            <Show when={pin().accuracy !== null}>
              {' '}
              {t('report.location.accuracy', { metres: String(pin().accuracy) })}
            </Show>{' '}
            <a href={mapLink(pin())} target="_blank" rel="noopener noreferrer">
              {t('report.location.map')}
            </a>
          </p>
        )}
      </Show>
      <div class="actions">
        <button
          ref={useButton}
          type="button"
          onClick={useMyLocation}
          disabled={locating()}
          aria-describedby="report-location-hint"
        >
          {props.pin ? t('report.location.update') : t('report.location.use')}
        </button>
        <Show when={props.pin}>
          <button type="button" class="secondary" onClick={clear}>
            {t('report.location.clear')}
          </button>
        </Show>
      </div>
      <p role="status" class="status" classList={{ 'field-error': !!problem() }}>
        {status()}
      </p>
    </div>
  );
}
