// The reporter's two privacy choices, each explained in plain words beside its box.
import { For } from 'solid-js';
import { useI18n, type MessageKey } from '../../i18n';

export interface PrivacyChoicesProps {
  anonymous: boolean;
  confidential: boolean;
  onChange: (choice: 'anonymous' | 'confidential', on: boolean) => void;
}

const choices: { name: 'anonymous' | 'confidential'; label: MessageKey; hint: MessageKey }[] = [
  { name: 'anonymous', label: 'report.anonymous.label', hint: 'report.anonymous.hint' },
  { name: 'confidential', label: 'report.confidential.label', hint: 'report.confidential.hint' },
];

export function PrivacyChoices(props: PrivacyChoicesProps) {
  const { t } = useI18n();
  return (
    <fieldset class="field privacy-choices">
      <legend>{t('report.privacy.label')}</legend>
      <For each={choices}>
        {(choice) => (
          <div class="check">
            <input
              id={`report-${choice.name}`}
              type="checkbox"
              checked={props[choice.name]}
              aria-describedby={`report-${choice.name}-hint`}
              onChange={(e) => props.onChange(choice.name, e.currentTarget.checked)}
            />
            <label for={`report-${choice.name}`}>{t(choice.label)}</label>
            <p id={`report-${choice.name}-hint`} class="hint">
              {t(choice.hint)}
            </p>
          </div>
        )}
      </For>
    </fieldset>
  );
}
