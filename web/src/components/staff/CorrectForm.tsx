// Correct what the reporter got wrong: the title, the category or the place. Only what
// changed is sent; the status stays, and the original stays in the event log.
import { createSignal, For, Show } from 'solid-js';
import type { CorrectRequest, MetaResponse, ModerationItem } from '../../../../worker/domain/api';
import { complaintLimits } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { RegionPicker, type RegionSelection } from '../RegionPicker';
import { ACTION_FORM_ID, createSending, failureText, fieldNamed, type Perform } from './actions';

type Problem = 'title.short' | 'title.long' | 'place' | 'nothing' | null;

export function CorrectForm(props: { item: ModerationItem; meta: MetaResponse; perform: Perform }) {
  const { t, pick } = useI18n();
  const sending = createSending(() => props.perform);
  const place = props.item.place;
  const [title, setTitle] = createSignal(props.item.title);
  const [category, setCategory] = createSignal(props.item.category.slug);
  const [region, setRegion] = createSignal<RegionSelection>({
    regencyCode: place.regency.code,
    districtCode: place.district.code,
    villageCode: place.village.code,
  });
  const [problem, setProblem] = createSignal<Problem>(null);
  const titleProblem = () => {
    const now = problem();
    return now === 'title.short' || now === 'title.long' ? now : null;
  };

  function changes(): Omit<CorrectRequest, 'version'> | Problem {
    const body: Omit<CorrectRequest, 'version'> = {};
    const newTitle = title().trim();
    if (newTitle !== props.item.title) {
      if (newTitle.length < complaintLimits.titleMin) return 'title.short';
      if (newTitle.length > complaintLimits.titleMax) return 'title.long';
      body.title = newTitle;
    }
    if (category() !== props.item.category.slug) body.category = category();
    const { regencyCode, districtCode, villageCode } = region();
    if (villageCode !== props.item.place.village.code) {
      if (!regencyCode || !districtCode || !villageCode) return 'place';
      Object.assign(body, { regencyCode, districtCode, villageCode });
    }
    return Object.keys(body).length ? body : 'nothing';
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const body = changes();
    if (typeof body === 'string' || body === null) {
      setProblem(body);
      if (titleProblem()) document.getElementById('correct-title')?.focus();
      return;
    }
    setProblem(null);
    void sending.send({ kind: 'correct', body });
  }

  return (
    <form id={ACTION_FORM_ID} class="action-form" onSubmit={submit} novalidate>
      <div>
        <label for="correct-title">{t('report.title.label')}</label>
        <Show when={titleProblem()}>
          {(which) => (
            <p class="field-error" id="correct-title-error">
              {t(`report.error.${which()}`, {
                min: String(complaintLimits.titleMin),
                max: String(complaintLimits.titleMax),
              })}
            </p>
          )}
        </Show>
        <input
          id="correct-title"
          type="text"
          maxlength={complaintLimits.titleMax + 20}
          aria-invalid={titleProblem() || fieldNamed(sending.failure(), 'title') ? 'true' : undefined}
          aria-describedby={titleProblem() ? 'correct-title-error' : undefined}
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <div>
        <label for="correct-category">{t('track.category')}</label>
        <select id="correct-category" onChange={(e) => setCategory(e.currentTarget.value)}>
          <For each={props.meta.categories}>
            {(option) => (
              <option value={option.slug} selected={option.slug === category()}>
                {pick(option.name)}
              </option>
            )}
          </For>
        </select>
      </div>
      <fieldset>
        <legend>{t('track.place')}</legend>
        <Show when={problem() === 'place'}>
          <p class="field-error">{t('report.error.village.required')}</p>
        </Show>
        <RegionPicker value={region()} onChange={(selection) => setRegion(selection)} />
      </fieldset>
      <Show when={problem() === 'nothing'}>
        <p role="alert">{t('desk.noChange')}</p>
      </Show>
      <Show when={sending.failure()}>
        <p role="alert">{failureText(sending.failure(), t)}</p>
      </Show>
      <button type="submit" class="primary" aria-disabled={sending.busy()}>
        {sending.busy() ? t('staff.busy') : t('desk.save')}
      </button>
    </form>
  );
}
