// The complaint form: what, where, photos, who, and the two privacy choices. Everything typed
// is kept as a draft on the device until the complaint is accepted.
import { createSignal, Show } from 'solid-js';
import { complaintLimits, ntbBounds, type CreateComplaintResponse } from '../../../../worker/domain/api';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { clearDraft, isBlank, type LoadedDraft } from '../../report/draft';
import { createReportForm } from '../../report/form';
import type { ReportField } from '../../report/validate';
import { CategoryField } from './CategoryField';
import { ErrorSummary } from './ErrorSummary';
import { LocationPin } from './LocationPin';
import { PhotoField } from './PhotoField';
import { PlaceField } from './PlaceField';
import { PrivacyChoices } from './PrivacyChoices';
import { SubmitArea } from './SubmitArea';
import { TextField } from './TextField';
import { useSay } from './text';
import './ReportForm.css';

export interface ReportFormProps {
  loaded: LoadedDraft;
  onSubmitted: (result: CreateComplaintResponse) => void;
  /** Start again with an empty form. */
  onReset: () => void;
}

export function ReportForm(props: ReportFormProps) {
  const { t } = useI18n();
  const say = useSay();
  const { meta } = useMeta();
  const ready = () => meta.state === 'ready' || meta.state === 'refreshing';
  const limits = () => (ready() ? meta()!.limits : complaintLimits);
  const bounds = () => (ready() ? meta()!.map.bounds : ntbBounds);

  const form = createReportForm(props.loaded, limits);
  const { values, set } = form;
  const restored = !isBlank(props.loaded.draft);
  const [summary, setSummary] = createSignal<HTMLDivElement>();

  const error = (field: ReportField) => {
    const found = form.errorFor(field);
    return found ? say(found) : undefined;
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const result = await form.submit();
    if (result) props.onSubmitted(result);
    else summary()?.focus();
  }

  function startOver() {
    if (!window.confirm(t('report.restored.confirm'))) return;
    clearDraft();
    props.onReset();
  }

  return (
    <form class="report-form" novalidate onSubmit={onSubmit} aria-describedby="report-intro">
      <Show when={restored}>
        <div class="notice">
          <p>{t('report.restored.text')}</p>
          <button type="button" class="secondary" onClick={startOver}>
            {t('report.restored.startOver')}
          </button>
        </div>
      </Show>
      <Show when={props.loaded.expiredPhotos > 0}>
        <p class="notice">{t('report.restored.expiredPhotos', { n: String(props.loaded.expiredPhotos) })}</p>
      </Show>
      <Show when={form.errors().length > 0}>
        <ErrorSummary errors={form.errors()} ref={setSummary} />
      </Show>

      <section aria-labelledby="report-what">
        <h2 id="report-what">{t('report.section.what')}</h2>
        <CategoryField value={values.category} onChange={(slug) => set('category', slug)} error={error('category')} />
        <TextField
          id="report-title"
          label={t('report.title.label')}
          hint={t('report.title.hint')}
          value={values.title}
          onInput={(v) => set('title', v)}
          max={limits().titleMax}
          error={error('title')}
        />
        <TextField
          id="report-description"
          label={t('report.description.label')}
          hint={t('report.description.hint')}
          value={values.description}
          onInput={(v) => set('description', v)}
          multiline
          max={limits().descriptionMax}
          error={error('description')}
        />
      </section>

      <section aria-labelledby="report-where">
        <h2 id="report-where">{t('report.section.where')}</h2>
        <PlaceField
          value={{ regencyCode: values.regencyCode, districtCode: values.districtCode, villageCode: values.villageCode }}
          onChange={(s) => {
            set('regencyCode', s.regencyCode);
            set('districtCode', s.districtCode);
            set('villageCode', s.villageCode);
          }}
          error={error('place')}
          errorTarget={form.errorFor('place')?.target}
        />
        <LocationPin
          pin={values.lat !== null && values.lng !== null ? { lat: values.lat, lng: values.lng, accuracy: values.accuracy } : null}
          bounds={bounds()}
          onChange={(pin) => {
            set('lat', pin?.lat ?? null);
            set('lng', pin?.lng ?? null);
            set('accuracy', pin?.accuracy ?? null);
          }}
          error={error('location')}
        />
        <TextField
          id="report-address"
          label={t('report.address.label')}
          optional
          hint={t('report.address.hint')}
          value={values.address}
          onInput={(v) => set('address', v)}
          autocomplete="street-address"
          error={error('address')}
        />
      </section>

      <section aria-labelledby="report-photos-title">
        <h2 id="report-photos-title">{t('report.section.photos')}</h2>
        <PhotoField photos={form.photos} max={limits().photosMax} error={error('photos')} />
      </section>

      <section aria-labelledby="report-who">
        <h2 id="report-who">{t('report.section.who')}</h2>
        <p class="hint">{t('report.contact.hint')}</p>
        <TextField
          id="report-name"
          label={t('report.name.label')}
          optional
          value={values.name}
          onInput={(v) => set('name', v)}
          autocomplete="name"
          error={error('name')}
        />
        <TextField
          id="report-phone"
          label={t('report.phone.label')}
          optional
          hint={t('report.phone.hint')}
          value={values.phone}
          onInput={(v) => set('phone', v)}
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          error={error('phone')}
        />
        <TextField
          id="report-email"
          label={t('report.email.label')}
          optional
          value={values.email}
          onInput={(v) => set('email', v)}
          type="email"
          inputmode="email"
          autocomplete="email"
          error={error('email')}
        />
        <PrivacyChoices
          anonymous={values.anonymous}
          confidential={values.confidential}
          onChange={(choice, on) => set(choice, on)}
        />
      </section>

      <SubmitArea sending={form.sending()} waitingForPhotos={form.waitingForPhotos()} failure={form.failure()} />
    </form>
  );
}
