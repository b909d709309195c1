// The four decisions of the desk, as the forms hand them to the desk, which adds the version
// the moderator saw and sends them (ModerationDesk).
import { createSignal } from 'solid-js';
import type {
  ComplaintView,
  CorrectRequest,
  DuplicateRequest,
  ForwardRequest,
  ModerationItem,
  RejectRequest,
} from '../../../../worker/domain/api';
import { ApiError } from '../../api/client';
import type { I18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { correctComplaint, forwardComplaint, markDuplicate, rejectComplaint } from '../../staff/api';

type Body<T> = Omit<T, 'version'>;

export type DeskAction =
  | { kind: 'forward'; body: Body<ForwardRequest>; agencyName: string }
  | { kind: 'reject'; body: Body<RejectRequest> }
  | { kind: 'duplicate'; body: Body<DuplicateRequest> }
  | { kind: 'correct'; body: Body<CorrectRequest> };

export type DeskActionKind = DeskAction['kind'];
export const deskActionKinds: readonly DeskActionKind[] = ['forward', 'reject', 'duplicate', 'correct'];
/** One key each, shown on the buttons and in the help. */
export const actionKeys: Record<DeskActionKind, string> = { forward: 'f', reject: 'r', duplicate: 'd', correct: 'e' };

/** Sends an action in the name of the version the moderator saw. */
export function sendDeskAction(code: string, action: DeskAction, version: number): Promise<ComplaintView> {
  switch (action.kind) {
    case 'forward':
      return forwardComplaint(code, { ...action.body, version });
    case 'reject':
      return rejectComplaint(code, { ...action.body, version });
    case 'duplicate':
      return markDuplicate(code, { ...action.body, version });
    case 'correct':
      return correctComplaint(code, { ...action.body, version });
  }
}

/** What the status line says once an action is done. */
export function doneText(code: string, action: DeskAction, t: I18n['t']): string {
  if (action.kind === 'forward') return t('desk.done.forward', { code, agency: action.agencyName });
  if (action.kind === 'duplicate') return t('desk.done.duplicate', { code, of: action.body.of });
  return t(`desk.done.${action.kind}`, { code });
}

/** A corrected complaint stays in the queue with what the API now says of it. */
export const correctedItem = (item: ModerationItem, view: ComplaintView): ModerationItem => ({
  ...item,
  title: view.title,
  description: view.description,
  category: view.category,
  place: view.place,
  priority: view.priority,
  version: view.version,
});

/** Sends an action; resolves with a failure the form should show, or undefined when handled. */
export type Perform = (action: DeskAction) => Promise<unknown>;

export const ACTION_FORM_ID = 'desk-action-form';

/** A form's sending state: busy while the desk works, then the failure it left, if any. */
export function createSending(perform: () => Perform) {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  return {
    busy,
    failure,
    async send(action: DeskAction) {
      if (busy()) return;
      setBusy(true);
      setFailure(undefined);
      try {
        setFailure(await perform()(action));
      } finally {
        setBusy(false);
      }
    },
  };
}

/** Whether the API named this field in a 400/422. */
export const fieldNamed = (failure: unknown, path: string) =>
  failure instanceof ApiError && failure.details.some((issue) => issue.path === path);

/** "Gagal menyimpan." and why, in the reader's language (the fields refused are marked too). */
export function failureText(failure: unknown, t: I18n['t']): string {
  if (failure instanceof ApiError && (failure.status === 400 || failure.status === 422)) return t('desk.refused');
  const why = failure instanceof ApiError && failure.code === 'forbidden' ? 'staff.forbidden' : errorMessageKey(failure);
  return `${t('desk.failed')} ${t(why)}`;
}
