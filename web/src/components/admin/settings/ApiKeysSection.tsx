// `/admin/kunci-api`: the keys other apps file complaints with through Open311. An admin
// issues one per app (the key is shown once, then only its first characters), sees when
// each was last used, and revokes one that leaked or is no longer needed (after a question:
// a revoked key never works again).
import { createSignal, onMount, Show } from 'solid-js';
import type { ApiKeyInfo, IssuedApiKey } from '../../../../../worker/domain/api';
import { issueApiKey, listApiKeys, revokeApiKey } from '../../../api/adminSettings';
import { useI18n, type MessageKey } from '../../../i18n';
import { describedBy, Field } from '../../Field';
import { formatDateTime } from '../../public/format';
import { ConfirmPanel } from '../ConfirmPanel';
import { PanelActions } from '../PanelActions';
import { ShownSecret } from '../ShownSecret';
import { refusedFields, settingsErrorKey } from './errors';
import { AddPanel, createAdding, createRows, RowCard, RowList } from './rows';

const open311Url = () => `${window.location.origin}/open311/v2/`;

function IssueForm(props: { onIssued: (issued: IssuedApiKey) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = 'new-api-key-name';
  const [name, setName] = createSignal('');
  const [invalid, setInvalid] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();
  let input!: HTMLInputElement;
  onMount(() => input.focus());

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setError(undefined);
    const trimmed = name().trim();
    setInvalid(trimmed.length < 2 || trimmed.length > 100);
    if (invalid()) return input.focus();
    setSending(true);
    try {
      props.onIssued(await issueApiKey(trimmed));
    } catch (failure) {
      if (refusedFields(failure, ['name'] as const).length) {
        setInvalid(true);
        input.focus();
      } else setError(settingsErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-form admin-panel" aria-label={t('admin.apiKeys.add')} novalidate onSubmit={(e) => void submit(e)}>
      <Field class="admin-field" id={id} label={t('admin.apiKeys.name')} hint={t('admin.apiKeys.nameHint')} error={invalid() ? t('admin.apiKeys.nameError') : undefined}>
        <input
          id={id}
          ref={input}
          value={name()}
          maxLength={100}
          aria-invalid={invalid() || undefined}
          aria-describedby={describedBy(id, { hint: true, error: invalid() })}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.apiKeys.sending' : 'admin.apiKeys.submit')}
        </button>
      </PanelActions>
    </form>
  );
}

function KeyRow(props: { apiKey: ApiKeyInfo; onChange: (change: Partial<ApiKeyInfo>) => void }) {
  const { t, lang } = useI18n();
  const [asking, setAsking] = createSignal(false);
  const [notice, setNotice] = createSignal('');
  let revokeButton: HTMLButtonElement | undefined;
  const key = () => props.apiKey;
  return (
    <RowCard disabled={Boolean(key().revokedAt)} notice={notice()}>
      <div class="account-head">
        <h3>{key().name}</h3>
        <Show when={key().revokedAt}>
          <span class="account-badge account-badge-off">{t('admin.apiKeys.revoked')}</span>
        </Show>
      </div>
      <dl class="account-facts">
        <dt>{t('admin.apiKeys.prefix')}</dt>
        <dd>
          <code>{key().prefix}…</code>
        </dd>
        <dt>{t('admin.apiKeys.created')}</dt>
        <dd>
          {key().createdBy
            ? t('admin.apiKeys.createdBy', { at: formatDateTime(key().createdAt, lang()), name: key().createdBy! })
            : formatDateTime(key().createdAt, lang())}
        </dd>
        <dt>{t('admin.apiKeys.lastUsed')}</dt>
        <dd>{key().lastUsedAt ? formatDateTime(key().lastUsedAt!, lang()) : t('admin.apiKeys.never')}</dd>
        <Show when={key().revokedAt}>
          {(at) => (
            <>
              <dt>{t('admin.apiKeys.revokedAt')}</dt>
              <dd>{formatDateTime(at(), lang())}</dd>
            </>
          )}
        </Show>
      </dl>
      <Show when={!key().revokedAt}>
        <Show
          when={asking()}
          fallback={
            <div class="admin-buttons">
              <button type="button" ref={revokeButton} onClick={() => setAsking(true)}>
                {t('admin.apiKeys.revoke')}
              </button>
            </div>
          }
        >
          <ConfirmPanel
            id={`revoke-${key().id}`}
            question={t('admin.apiKeys.revokeQuestion', { name: key().name, prefix: key().prefix })}
            confirmLabel={t('admin.apiKeys.revokeConfirm')}
            danger
            action={() => revokeApiKey(key().id)}
            errorOf={settingsErrorKey}
            onDone={(revoked) => {
              setAsking(false);
              props.onChange({ revokedAt: revoked.revokedAt });
              setNotice(t('admin.apiKeys.revokedNotice', { name: key().name }));
            }}
            onCancel={() => {
              setAsking(false); // draws the button again at once
              revokeButton?.focus();
            }}
          />
        </Show>
      </Show>
    </RowCard>
  );
}

export function ApiKeysSection() {
  const { t } = useI18n();
  const list = createRows(listApiKeys, 'id');
  const adding = createAdding();
  const [issued, setIssued] = createSignal<IssuedApiKey>();

  return (
    <>
      <Show when={issued()} keyed>
        {(shown) => (
          <ShownSecret
            id="issued-api-key"
            title={t('admin.apiKeys.issued', { name: shown.name })}
            facts={[{ label: t('admin.apiKeys.endpoint'), value: open311Url() }]}
            secret={{ label: t('admin.apiKeys.key'), value: shown.key }}
            note={t('admin.apiKeys.note')}
            copyLabel={t('admin.apiKeys.copy')}
            onDone={() => {
              setIssued(undefined);
              adding.focusButton();
            }}
          />
        )}
      </Show>
      <AddPanel state={adding} label={t('admin.apiKeys.add')}>
        <IssueForm
          onIssued={(key) => {
            adding.added(t('admin.apiKeys.added', { name: key.name }));
            setIssued(key);
            list.reload();
          }}
          onCancel={adding.cancel}
        />
      </AddPanel>
      <RowList list={list} empty={t('admin.apiKeys.empty')}>
        {(key) => <KeyRow apiKey={key} onChange={(change) => list.update(key.id, change)} />}
      </RowList>
    </>
  );
}
