// Up to five photos, from the camera or the gallery: each shows its thumbnail, a progress
// bar while it uploads, and buttons to retry a failed upload or remove the photo.
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import type { PhotoItem, PhotoUploads } from '../../report/photos';
import { useSay } from './text';
import './PhotoField.css';

export interface PhotoFieldProps {
  photos: PhotoUploads;
  max: number;
  error?: string;
}

function PhotoCard(props: { item: PhotoItem; n: number; photos: PhotoUploads }) {
  const { t } = useI18n();
  const say = useSay();
  const name = () => t('report.photo.name', { n: String(props.n) });
  const percent = () => String(Math.round(props.item.progress * 100));
  const progressId = () => `photo-${props.item.key}-progress`;
  const remove = () => {
    props.photos.remove(props.item.key);
    document.getElementById('report-photos')?.focus(); // this card and its button are gone
  };
  return (
    <li class="photo-card" classList={{ failed: props.item.status === 'failed' }}>
      <Show when={props.item.thumb} fallback={<span class="photo-thumb empty" aria-hidden="true" />}>
        {(thumb) => <img class="photo-thumb" src={thumb()} alt={t('report.photo.preview', { name: name() })} />}
      </Show>
      <div class="photo-state">
        <Show when={props.item.status === 'processing' || props.item.status === 'uploading'}>
          <label for={progressId()}>
            {props.item.status === 'processing'
              ? t('report.photo.processing', { name: name() })
              : t('report.photo.uploading', { name: name(), percent: percent() })}
          </label>
          <Show
            when={props.item.status === 'uploading'}
            fallback={<progress id={progressId()} />}
          >
            <progress id={progressId()} max="100" value={percent()} />
          </Show>
        </Show>
        <Show when={props.item.status === 'done'}>
          <p class="photo-done">{t('report.photo.done', { name: name() })}</p>
        </Show>
        <Show when={props.item.problem}>
          {(problem) => <p class="field-error">{`${name()}: ${say(problem())}`}</p>}
        </Show>
        <div class="actions">
          <Show when={props.item.status === 'failed' && props.item.canRetry}>
            <button
              type="button"
              aria-label={`${t('report.photo.retry')} ${name()}`}
              onClick={() => props.photos.retry(props.item.key)}
            >
              {t('report.photo.retry')}
            </button>
          </Show>
          <button
            type="button"
            class="secondary"
            aria-label={`${t('report.photo.remove')} ${name()}`}
            onClick={remove}
          >
            {t('report.photo.remove')}
          </button>
        </div>
      </div>
    </li>
  );
}

export function PhotoField(props: PhotoFieldProps) {
  const { t } = useI18n();
  const say = useSay();
  const full = () => props.photos.items.length >= props.max;
  const choose = (e: Event & { currentTarget: HTMLInputElement }) => {
    const input = e.currentTarget;
    if (input.files) props.photos.add(Array.from(input.files));
    input.value = ''; // the same photo can be chosen again after a removal
  };

  return (
    <div
      id="report-photos"
      class="field photo-field"
      classList={{ invalid: !!props.error }}
      role="group"
      tabindex="-1"
      aria-labelledby="report-photos-label"
      aria-describedby={`report-photos-hint${props.error ? ' report-photos-error' : ''}`}
    >
      <p id="report-photos-label" class="field-label">
        {t('report.photos.label')} <span class="optional">{t('report.optional')}</span>
      </p>
      <p id="report-photos-hint" class="hint">
        {t('report.photos.hint', { max: String(props.max) })}
      </p>
      <Show when={props.error}>
        <p id="report-photos-error" class="field-error">
          {props.error}
        </p>
      </Show>
      <div role="alert">
        <For each={props.photos.notices()}>{(notice) => <p class="field-error">{say(notice)}</p>}</For>
      </div>
      <Show when={props.photos.items.length > 0}>
        <ul class="photo-list">
          <For each={props.photos.items}>
            {(item, i) => <PhotoCard item={item} n={i() + 1} photos={props.photos} />}
          </For>
        </ul>
      </Show>
      <Show
        when={!full()}
        fallback={<p class="hint">{t('report.photos.full', { max: String(props.max) })}</p>}
      >
        <div class="photo-add">
          <input
            id="report-photo-camera"
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={choose}
          />
          <label for="report-photo-camera" class="button-like">
            <span aria-hidden="true">📷 </span>
            {t('report.photos.camera')}
          </label>
          <input
            id="report-photo-gallery"
            class="visually-hidden"
            type="file"
            accept="image/*"
            multiple
            onChange={choose}
          />
          <label for="report-photo-gallery" class="button-like">
            <span aria-hidden="true">🖼️ </span>
            {t('report.photos.gallery')}
          </label>
        </div>
      </Show>
      <p class="visually-hidden" role="status">
        {props.photos.announcement() ? say(props.photos.announcement()!) : ''}
      </p>
    </div>
  );
}
