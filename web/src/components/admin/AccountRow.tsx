// One staff account: who it is, and its two actions (switch off or on, new password), each
// opening in the row so the admin never loses their place in the list.
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { StaffAccount } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { formatDate } from '../public/format';
import { ConfirmToggle } from './ConfirmToggle';
import { ResetPasswordForm } from './ResetPasswordForm';
import { ShownPassword } from './ShownPassword';

export interface AccountRowProps {
  account: StaffAccount;
  /** The signed-in admin's own account: it cannot be disabled from here. */
  isMe: boolean;
  onChanged: (updated: StaffAccount) => void;
}

type Panel = 'toggle' | 'reset' | { password: string } | null;

export function AccountRow(props: AccountRowProps) {
  const { t, lang } = useI18n();
  const [panel, setPanel] = createSignal<Panel>(null);
  const [notice, setNotice] = createSignal('');
  const name = () => props.account.username;
  const headingId = () => `account-${name()}`;
  let toggleButton: HTMLButtonElement | undefined;
  let resetButton!: HTMLButtonElement;

  const open = (next: Panel) => {
    setNotice('');
    setPanel(panel() === next ? null : next);
  };
  const close = (focus: HTMLElement | undefined) => {
    setPanel(null);
    focus?.focus();
  };
  const toggled = (updated: StaffAccount) => {
    props.onChanged(updated);
    close(toggleButton);
    setNotice(t(updated.disabled ? 'admin.disable.done' : 'admin.enable.done', { username: updated.username }));
  };
  // Every row has these buttons: the username in their names tells them apart.
  const toggleText = () => t(props.account.disabled ? 'admin.enable.open' : 'admin.disable.open');
  const shown = () => {
    const current = panel();
    return typeof current === 'object' && current ? current.password : undefined;
  };

  return (
    <article class="account" classList={{ 'account-disabled': props.account.disabled }} aria-labelledby={headingId()}>
      <div class="account-head">
        <h3 id={headingId()}>{props.account.displayName}</h3>
        <Show when={props.account.disabled}>
          <span class="account-badge account-badge-off">{t('admin.row.disabled')}</span>
        </Show>
        <Show when={props.isMe}>
          <span class="account-badge">{t('admin.row.you')}</span>
        </Show>
      </div>
      <dl class="account-facts">
        <dt>{t('admin.field.username')}</dt>
        <dd>
          <code>{name()}</code>
        </dd>
        <dt>{t('admin.field.role')}</dt>
        <dd>{t(`admin.role.${props.account.role}`)}</dd>
        <Show when={props.account.agency}>
          {(agency) => (
            <>
              <dt>{t('admin.field.agency')}</dt>
              <dd>{agency().name}</dd>
            </>
          )}
        </Show>
        <dt>{t('admin.row.created')}</dt>
        <dd>{formatDate(props.account.createdAt, lang())}</dd>
      </dl>
      <div class="admin-buttons">
        <button
          type="button"
          ref={resetButton}
          aria-label={`${t('admin.reset.open')} ${name()}`}
          aria-expanded={panel() === 'reset'}
          onClick={() => open('reset')}
        >
          {t('admin.reset.open')}
        </button>
        <Show when={!props.isMe}>
          <button
            type="button"
            ref={toggleButton}
            aria-label={`${toggleText()} ${name()}`}
            aria-expanded={panel() === 'toggle'}
            onClick={() => open('toggle')}
          >
            {toggleText()}
          </button>
        </Show>
      </div>
      <Switch>
        <Match when={panel() === 'toggle'}>
          <ConfirmToggle account={props.account} onDone={toggled} onCancel={() => close(toggleButton)} />
        </Match>
        <Match when={panel() === 'reset'}>
          <ResetPasswordForm
            username={name()}
            onDone={(password) => setPanel({ password })}
            onCancel={() => close(resetButton)}
          />
        </Match>
        <Match when={shown()}>
          {(password) => (
            <ShownPassword
              id={`shown-${name()}`}
              title={t('admin.reset.done', { username: name() })}
              username={name()}
              password={password()}
              onDone={() => close(resetButton)}
            />
          )}
        </Match>
      </Switch>
      <p class="account-notice" role="status">
        {notice()}
      </p>
    </article>
  );
}
