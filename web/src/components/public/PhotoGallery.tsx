// The photos of a complaint. Public ones load as plain lazy images; those of a confidential
// complaint, or of one the moderators have not let through yet, need the tracking token
// header, so they are fetched and shown from a blob: URL.
import { createMemo, createResource, For, onCleanup, Show } from 'solid-js';
import type { PhotoInfo } from '../../../../worker/domain/api';
import { getPhotoBlob } from '../../api/complaints';
import { useI18n } from '../../i18n';

interface PhotoProps {
  photo: PhotoInfo;
  alt: string;
}

function PlainPhoto(props: PhotoProps) {
  return (
    <img
      src={props.photo.url}
      width={props.photo.width}
      height={props.photo.height}
      alt={props.alt}
      loading="lazy"
      decoding="async"
    />
  );
}

function ProtectedPhoto(props: PhotoProps & { token: string | null }) {
  const { t } = useI18n();
  const [blob, { refetch }] = createResource(() => getPhotoBlob(props.photo.url, props.token));
  // One object URL per loaded blob, released when it is replaced or the photo leaves the page.
  const src = createMemo(() => {
    const loaded = blob.state === 'ready' ? blob() : undefined;
    if (!loaded) return undefined;
    const url = URL.createObjectURL(loaded);
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });
  // Keeps the photo's space while it loads, so nothing jumps when it arrives.
  const ratio = () => `${props.photo.width} / ${props.photo.height}`;
  return (
    <Show
      when={src()}
      fallback={
        <div class="photo-placeholder" style={{ 'aspect-ratio': ratio() }}>
          <Show
            when={blob.state === 'errored'}
            fallback={<p role="status">{t('track.photoLoading')}</p>}
          >
            <p>{t('track.photoError')}</p>
            <button type="button" onClick={() => void refetch()}>
              {t('error.retry')}
            </button>
          </Show>
        </div>
      }
    >
      {(url) => (
        <img src={url()} width={props.photo.width} height={props.photo.height} alt={props.alt} />
      )}
    </Show>
  );
}

export interface PhotoGalleryProps {
  photos: PhotoInfo[];
  /** Not public (ComplaintView's `photosPublic`): loaded with the tracking token header. */
  needsToken: boolean;
  token: string | null;
}

export function PhotoGallery(props: PhotoGalleryProps) {
  const { t } = useI18n();
  const alt = (index: number) =>
    t('track.photoAlt', { n: String(index + 1), total: String(props.photos.length) });
  return (
    <ul class="photo-gallery">
      <For each={props.photos}>
        {(photo, index) => (
          <li>
            <Show when={props.needsToken} fallback={<PlainPhoto photo={photo} alt={alt(index())} />}>
              <ProtectedPhoto photo={photo} alt={alt(index())} token={props.token} />
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
