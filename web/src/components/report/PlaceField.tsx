// Where the problem is: regency, district and village with the shared RegionPicker, and the
// place's error tied to the select that still needs a choice.
import { createEffect, Show } from 'solid-js';
import { RegionPicker, type RegionSelection } from '../RegionPicker';
import { useI18n } from '../../i18n';

export interface PlaceFieldProps {
  value: RegionSelection;
  onChange: (selection: RegionSelection) => void;
  error?: string;
  /** The select the error is about: `regency`, `district` or `village`. */
  errorTarget?: string;
}

const ERROR_ID = 'report-place-error';

export function PlaceField(props: PlaceFieldProps) {
  const { t } = useI18n();
  let box!: HTMLFieldSetElement;

  // RegionPicker owns its selects; mark the one in error the way the other fields are marked.
  createEffect(() => {
    const target = props.error ? props.errorTarget : undefined;
    for (const select of box.querySelectorAll('select')) {
      const described = (select.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((id) => id && id !== ERROR_ID);
      if (select.id === target) {
        select.setAttribute('aria-invalid', 'true');
        described.push(ERROR_ID);
      } else {
        select.removeAttribute('aria-invalid');
      }
      select.setAttribute('aria-describedby', described.join(' '));
    }
  });

  return (
    <fieldset ref={box} class="field place-field" classList={{ invalid: !!props.error }}>
      <legend>{t('report.place.label')}</legend>
      <p class="hint">{t('report.place.hint')}</p>
      <Show when={props.error}>
        <p id={ERROR_ID} class="field-error">
          {props.error}
        </p>
      </Show>
      <RegionPicker value={props.value} onChange={(selection) => props.onChange(selection)} />
    </fieldset>
  );
}
