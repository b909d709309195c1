// `/moderasi`: the moderators' triage desk, for moderators and admins. Others are sent to
// sign in, or told the page is not theirs.
import { StaffBar } from '../components/staff/StaffBar';
import { StaffGate } from '../components/staff/StaffGate';
import { ModerationDesk } from '../components/staff/ModerationDesk';
import { useI18n, usePageTitle } from '../i18n';
import { DESK_PATH } from '../staff/destination';
import '../staff/staff.css';
import './Moderation.css';

export default function Moderation() {
  const { t } = useI18n();
  usePageTitle('desk.title');
  return (
    <section class="staff-page desk-page" aria-labelledby="desk-title">
      <h1 id="desk-title">{t('desk.heading')}</h1>
      <StaffGate roles={['moderator', 'admin']} path={DESK_PATH}>
        {(user) => (
          <>
            <StaffBar user={user} />
            <ModerationDesk />
          </>
        )}
      </StaffGate>
    </section>
  );
}
