// "The complaint cannot be sent yet": every problem in page order, each a link that moves
// focus to its field. Focused when shown, so a screen reader reads it at once.
import { For } from 'solid-js';
import { useI18n } from '../../i18n';
import { fieldIds, type FieldError } from '../../report/validate';
import { useSay } from './text';

/** The control to focus for an id: the element itself, or the first control inside it. */
export function focusField(id: string) {
  const element = document.getElementById(id);
  const control = element?.matches('input, select, textarea, button')
    ? element
    : element?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button');
  (control ?? element)?.focus();
  (control ?? element)?.scrollIntoView?.({ block: 'center' });
}

export function ErrorSummary(props: { errors: FieldError[]; ref?: (el: HTMLDivElement) => void }) {
  const { t } = useI18n();
  const say = useSay();
  return (
    <div class="error-summary" role="alert" tabindex="-1" ref={props.ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('report.summary.title')}</h2>
      <ul>
        <For each={props.errors}>
          {(error) => {
            const target = error.target ?? (error.field ? fieldIds[error.field] : undefined);
            return (
              <li>
                {target ? (
                  <a
                    href={`#${target}`}
                    onClick={(e) => {
                      e.preventDefault(); // a fragment link would be a route change for the router
                      focusField(target);
                    }}
                  >
                    {say(error)}
                  </a>
                ) : (
                  say(error)
                )}
              </li>
            );
          }}
        </For>
      </ul>
    </div>
  );
}
