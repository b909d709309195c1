// `/instansi`: an agency's inbox, for its own staff. Others are sent to sign in, or told the
// page is not theirs (moderators and admins have the desk).
import { useLocation, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { AgencyInbox } from '../components/agency/AgencyInbox';
import { StaffBar } from '../components/staff/StaffBar';
import { StaffGate } from '../components/staff/StaffGate';
import { useI18n, usePageTitle } from '../i18n';
import { INBOX_PATH } from '../staff/destination';
import { staffRoles } from '../../../worker/domain/vocabulary';
import '../staff/staff.css';
import './Moderation.css';
import './Inbox.css';

export default function Inbox() {
  const { t } = useI18n();
  usePageTitle('inbox.title');
  // `/instansi/NTB-…` opens that complaint (a link shared, a notification clicked), after a
  // sign-in too.
  const params = useParams<{ code?: string }>();
  const location = useLocation();
  return (
    <section class="staff-page desk-page inbox-page" aria-labelledby="inbox-heading">
      <h1 id="inbox-heading">{t('inbox.heading')}</h1>
      {/* Every role passes the gate, so the refusal can name who the page is for. */}
      <StaffGate roles={staffRoles} path={location.pathname.startsWith(`${INBOX_PATH}/`) ? location.pathname : INBOX_PATH}>
        {(user) => (
          <>
            <StaffBar user={user} />
            <Show when={user.role === 'agency'} fallback={<p role="alert">{t('inbox.forbidden')}</p>}>
              <AgencyInbox user={user} code={params.code} />
            </Show>
          </>
        )}
      </StaffGate>
    </section>
  );
}
