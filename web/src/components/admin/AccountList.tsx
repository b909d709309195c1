// The list of accounts, with a live summary of what the filters found.
import { For, Match, Switch } from 'solid-js';
import { useI18n } from '../../i18n';
import { LoadError } from '../LoadError';
import { actionErrorKey } from './accountErrors';
import type { AccountList as List } from './accountList';
import { AccountRow } from './AccountRow';

export interface AccountListProps {
  list: List;
  filtered: boolean;
  /** The signed-in admin's username. */
  me: string;
}

export function AccountList(props: AccountListProps) {
  const { t } = useI18n();
  const summary = () => {
    const { list } = props;
    if (list.state() === 'loading') return t('admin.list.loading');
    if (list.state() === 'error') return '';
    const count = list.accounts.length;
    if (count === 0) return t(props.filtered ? 'admin.list.noMatch' : 'admin.list.empty');
    const disabled = list.accounts.filter((a) => a.disabled).length;
    return disabled
      ? t('admin.list.countDisabled', { count: String(count), disabled: String(disabled) })
      : t('admin.list.count', { count: String(count) });
  };

  return (
    <div class="admin-results" aria-busy={props.list.state() === 'loading'}>
      <p class="admin-summary" role="status">
        {summary()}
      </p>
      <Switch>
        <Match when={props.list.state() === 'error'}>
          <LoadError message={`${t('admin.list.error')} ${t(actionErrorKey(props.list.error()))}`} onRetry={props.list.reload} />
        </Match>
        <Match when={props.list.accounts.length > 0}>
          <ul class="account-list">
            <For each={props.list.accounts}>
              {(account) => (
                <li>
                  <AccountRow
                    account={account}
                    isMe={account.username === props.me}
                    onChanged={props.list.replace}
                  />
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}
