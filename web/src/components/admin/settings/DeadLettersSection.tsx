// `/admin/antrean`: queue messages that kept failing, each with its body and a way to send
// it again once the cause is fixed.
import { createSignal, Show } from 'solid-js';
import { listDeadLetters, replayDeadLetter, type DeadLetter } from '../../../api/adminSettings';
import { ApiError } from '../../../api/client';
import { useI18n, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../public/format';
import { settingsErrorKey } from './errors';
import { createRows, RowCard, RowList } from './rows';

function LetterRow(props: { letter: DeadLetter; onReplayed: () => void; onStale: () => void }) {
  const { t, lang } = useI18n();
  const [sending, setSending] = createSignal(false);
  const [notice, setNotice] = createSignal('');
  const [error, setError] = createSignal<MessageKey>();

  async function replay() {
    if (sending()) return;
    setSending(true);
    setError(undefined);
    try {
      await replayDeadLetter(props.letter.id);
      props.onReplayed();
      setNotice(t('admin.dead.replayed', { id: String(props.letter.id) }));
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : undefined;
      if (code === 'conflict') props.onStale(); // replayed meanwhile: show when
      setError(code === 'conflict' ? 'admin.dead.already' : code === 'unprocessable' ? 'admin.dead.malformed' : settingsErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <RowCard disabled={Boolean(props.letter.replayedAt)} error={error()} notice={notice()}>
      <div class="account-head">
        <h3>{t('admin.dead.item', { id: String(props.letter.id), queue: props.letter.queue })}</h3>
        <span>{t('admin.dead.attempts', { count: String(props.letter.attempts) })}</span>
      </div>
      <dl class="account-facts">
        <dt>{t('admin.dead.created')}</dt>
        <dd>{formatDateTime(props.letter.createdAt, lang())}</dd>
        <Show when={props.letter.replayedAt}>
          {(at) => (
            <>
              <dt>{t('admin.dead.replayedAt')}</dt>
              <dd>{formatDateTime(at(), lang())}</dd>
            </>
          )}
        </Show>
      </dl>
      <details>
        <summary>{t('admin.dead.body')}</summary>
        <pre class="dead-body">{JSON.stringify(props.letter.body, null, 2)}</pre>
      </details>
      <Show when={!props.letter.replayedAt}>
        <div class="admin-buttons">
          <button type="button" class="primary" aria-disabled={sending()} onClick={() => void replay()}>
            {t('admin.dead.replay')}
          </button>
        </div>
      </Show>
    </RowCard>
  );
}

export function DeadLettersSection() {
  const { t } = useI18n();
  const list = createRows(listDeadLetters, 'id');
  return (
    <RowList list={list} empty={t('admin.dead.empty')}>
      {(letter) => (
        <LetterRow
          letter={letter}
          onReplayed={() => list.update(letter.id, { replayedAt: new Date().toISOString() })}
          onStale={list.reload}
        />
      )}
    </RowList>
  );
}
