// A complaint's photos as thumbnails that open (and close) larger below them. The staff cookie lets
// `<img>` load even a confidential complaint's photos.
import { createSignal, For, Show } from 'solid-js';
import type { PhotoInfo } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';

export function PhotoStrip(props: { photos: PhotoInfo[] }) {
  const { t } = useI18n();
  const [open, setOpen] = createSignal<number | null>(null);
  const alt = (index: number) =>
    t('track.photoAlt', { n: String(index + 1), total: String(props.photos.length) });
  const openPhoto = () => {
    const index = open();
    return index === null ? undefined : props.photos[index];
  };

  return (
    <div class="photo-strip">
      <ul>
        <For each={props.photos}>
          {(photo, index) => (
            <li>
              <button
                type="button"
                aria-pressed={open() === index()}
                onClick={() => setOpen(open() === index() ? null : index())}
              >
                <img src={photo.url} alt={alt(index())} width={photo.width} height={photo.height} loading="lazy" decoding="async" />
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={openPhoto()}>
        {(photo) => (
          <figure class="photo-large">
            <img src={photo().url} alt="" width={photo().width} height={photo().height} />
          </figure>
        )}
      </Show>
    </div>
  );
}
