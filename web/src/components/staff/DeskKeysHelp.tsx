// The desk's keys, written out on the page.
import { useI18n } from '../../i18n';
import { actionKeys, deskActionKinds } from './actions';

export function DeskKeysHelp() {
  const { t } = useI18n();
  return (
    <details class="desk-keys">
      <summary>{t('desk.keys')}</summary>
      <dl>
        <dt>
          <kbd>J</kbd> / <kbd>↓</kbd>, <kbd>K</kbd> / <kbd>↑</kbd>
        </dt>
        <dd>{t('desk.keys.move')}</dd>
        <dt>
          {deskActionKinds.map((kind, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <kbd>{actionKeys[kind].toUpperCase()}</kbd>
            </>
          ))}
        </dt>
        <dd>
          {deskActionKinds.map((kind) => t(`desk.${kind}`)).join(', ')}
        </dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t('desk.keys.back')}</dd>
      </dl>
    </details>
  );
}
