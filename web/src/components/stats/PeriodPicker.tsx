// The period: one press for the last 30, 90 or 365 days, or two dates of one's own.
import { createSignal, For, Show } from 'solid-js';
import type { StatsPeriod } from '../../api/stats';
import { useI18n } from '../../i18n';
import { presetDays, type PeriodChoice } from './period';

export interface PeriodPickerProps {
  choice: PeriodChoice;
  /** The dates the choice stands for, to start the custom form from. */
  period: StatsPeriod;
  onChoose: (choice: PeriodChoice) => void;
}

export function PeriodPicker(props: PeriodPickerProps) {
  const { t } = useI18n();
  const isCustom = () => 'from' in props.choice;
  const [customOpen, setCustomOpen] = createSignal(isCustom());
  const [invalid, setInvalid] = createSignal(false);
  let from!: HTMLInputElement;
  let to!: HTMLInputElement;

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const ok = from.value !== '' && to.value !== '' && from.value <= to.value;
    setInvalid(!ok);
    if (ok) props.onChoose({ from: from.value, to: to.value });
  };
  const choosePreset = (days: (typeof presetDays)[number]) => {
    setCustomOpen(false);
    setInvalid(false);
    props.onChoose({ days });
  };

  return (
    <div class="stats-period">
      <div class="stats-period-presets" role="group" aria-label={t('stats.period')}>
        <For each={presetDays}>
          {(days) => (
            <button
              type="button"
              aria-pressed={!customOpen() && 'days' in props.choice && props.choice.days === days}
              onClick={() => choosePreset(days)}
            >
              {t('stats.days', { n: String(days) })}
            </button>
          )}
        </For>
        <button type="button" aria-pressed={customOpen()} aria-expanded={customOpen()} onClick={() => setCustomOpen(true)}>
          {t('stats.custom')}
        </button>
      </div>
      <Show when={customOpen()}>
        <form class="stats-period-custom" onSubmit={apply} noValidate>
          <div>
            <label for="stats-from">{t('stats.from')}</label>
            <input id="stats-from" type="date" ref={from} value={props.period.from} aria-invalid={invalid()} aria-describedby={invalid() ? 'stats-range-error' : undefined} />
          </div>
          <div>
            <label for="stats-to">{t('stats.to')}</label>
            <input id="stats-to" type="date" ref={to} value={props.period.to} aria-invalid={invalid()} aria-describedby={invalid() ? 'stats-range-error' : undefined} />
          </div>
          <button type="submit">{t('stats.apply')}</button>
          <Show when={invalid()}>
            <p id="stats-range-error" class="stats-period-error" role="alert">
              {t('stats.badRange')}
            </p>
          </Show>
        </form>
      </Show>
    </div>
  );
}
