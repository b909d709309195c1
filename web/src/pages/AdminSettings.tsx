// `/admin` and its sections: service-level targets, agencies, categories, routing rules, failed
// queue messages and Open311 API keys. Like the accounts page, the staff gate sends anyone not
// signed in to sign in, and staff of other roles are told the page is for administrators only.
import { A, useParams } from '@solidjs/router';
import { For, Show, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { staffRoles } from '../../../worker/domain/vocabulary';
import { AgenciesSection } from '../components/admin/settings/AgenciesSection';
import { ApiKeysSection } from '../components/admin/settings/ApiKeysSection';
import { CategoriesSection } from '../components/admin/settings/CategoriesSection';
import { DeadLettersSection } from '../components/admin/settings/DeadLettersSection';
import { RoutingSection } from '../components/admin/settings/RoutingSection';
import { TargetsSection } from '../components/admin/settings/TargetsSection';
import { StaffBar } from '../components/staff/StaffBar';
import { StaffGate } from '../components/staff/StaffGate';
import { useI18n, usePageTitle, type MessageKey } from '../i18n';
import '../staff/staff.css';
import './AdminAccounts.css';
import './AdminSettings.css';

interface SettingsSection {
  slug: string;
  title: MessageKey;
  about: MessageKey;
  component: Component;
}

/** App.tsx lists the same slugs in the route's match filter. */
const settingsSections: SettingsSection[] = [
  { slug: 'target', title: 'admin.targets.title', about: 'admin.targets.about', component: TargetsSection },
  { slug: 'instansi', title: 'admin.agencies.title', about: 'admin.agencies.about', component: AgenciesSection },
  { slug: 'kategori', title: 'admin.categories.title', about: 'admin.categories.about', component: CategoriesSection },
  { slug: 'rute', title: 'admin.rules.title', about: 'admin.rules.about', component: RoutingSection },
  { slug: 'antrean', title: 'admin.dead.title', about: 'admin.dead.about', component: DeadLettersSection },
  { slug: 'kunci-api', title: 'admin.apiKeys.title', about: 'admin.apiKeys.about', component: ApiKeysSection },
];

function SettingsIndex() {
  const { t } = useI18n();
  return (
    <ul class="settings-index">
      <For each={settingsSections}>
        {(section) => (
          <li>
            <A href={`/admin/${section.slug}`}>{t(section.title)}</A>
            <p>{t(section.about)}</p>
          </li>
        )}
      </For>
      <li>
        <a href="/admin/akun">{t('admin.settings.accounts')}</a>
        <p>{t('admin.settings.accountsAbout')}</p>
      </li>
    </ul>
  );
}

export default function AdminSettings() {
  const { t } = useI18n();
  const params = useParams<{ section?: string }>();
  const section = () => settingsSections.find((s) => s.slug === params.section);
  usePageTitle('admin.settings.pageTitle');
  return (
    <section class="staff-page admin-accounts admin-settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t(section()?.title ?? 'admin.settings.title')}</h1>
      <StaffGate roles={staffRoles} path={section() ? `/admin/${section()!.slug}` : '/admin'}>
        {(user) => (
          <>
            <StaffBar user={user} />
            <Show
              when={user.role === 'admin'}
              fallback={
                <>
                  <p role="alert">{t('admin.only', { name: user.displayName })}</p>
                  <A href="/">{t('notFound.home')}</A>
                </>
              }
            >
              <Show when={section()} fallback={<SettingsIndex />} keyed>
                {(shown) => (
                  <>
                    <p class="settings-back">
                      <A href="/admin">{t('admin.settings.index')}</A>
                    </p>
                    <p class="admin-intro">{t(shown.about)}</p>
                    <Dynamic component={shown.component} />
                  </>
                )}
              </Show>
            </Show>
          </>
        )}
      </StaffGate>
    </section>
  );
}
