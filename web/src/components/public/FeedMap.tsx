// The map of pinned complaints. Loaded lazily with Leaflet and its CSS, so only someone who
// opens the map pays for them. Pins are vector circle markers (no marker images to break);
// popups are built from DOM nodes and text, never from HTML strings.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { FeedItem, MapConfig } from '../../../../worker/domain/api';
import type { ComplaintStatus } from '../../../../worker/domain/vocabulary';
import { useI18n } from '../../i18n';
import './FeedMap.css';

/** Dark fills with a white ring: at least 3:1 against map tiles and the plain background. */
const pinColours: Record<ComplaintStatus, string> = {
  submitted: '#37414b',
  forwarded: '#0b5d7a',
  in_progress: '#a35c00',
  resolved: '#1b5e2f',
  closed: '#343b43',
  rejected: '#9a1b16',
  duplicate: '#553487',
};

export interface FeedMapProps {
  items: FeedItem[];
  config: MapConfig;
}

export default function FeedMap(props: FeedMapProps) {
  const { t } = useI18n();
  const [tilesFailed, setTilesFailed] = createSignal(false);
  let container!: HTMLDivElement;

  function popup(item: FeedItem): HTMLElement {
    const box = document.createElement('div');
    box.className = 'map-popup';
    const title = document.createElement('p');
    title.className = 'map-popup-title';
    title.textContent = item.title;
    const link = document.createElement('a');
    link.href = `/lacak/${encodeURIComponent(item.code)}`;
    link.textContent = t('map.open', { code: item.code });
    box.append(title, link);
    return box;
  }

  onMount(() => {
    const { south, west, north, east } = props.config.bounds;
    const bounds = L.latLngBounds([south, west], [north, east]);
    const map = L.map(container, { maxBounds: bounds.pad(0.5), minZoom: 7 });
    map.fitBounds(bounds);
    if (props.config.tileUrl) {
      L.tileLayer(props.config.tileUrl, { attribution: props.config.attribution, maxZoom: 19 })
        // No network or a tile server down: the pins still show on the plain background.
        .once('tileerror', () => setTilesFailed(true))
        .addTo(map);
    }
    const pins = L.layerGroup().addTo(map);
    createEffect(() => {
      pins.clearLayers();
      for (const item of props.items) {
        if (item.lat === null || item.lng === null) continue;
        L.circleMarker([item.lat, item.lng], {
          radius: 8,
          color: '#ffffff',
          weight: 2,
          fillColor: pinColours[item.status],
          fillOpacity: 0.9,
        })
          .bindPopup(() => popup(item))
          .addTo(pins);
      }
    });
    onCleanup(() => map.remove());
  });

  return (
    <div class="feed-map-frame">
      <div ref={container} class="feed-map" role="region" aria-label={t('map.label')} />
      <Show when={!props.config.tileUrl || tilesFailed()}>
        <p class="field-hint" role="status">
          {t(props.config.tileUrl ? 'map.tilesFailed' : 'map.noTiles')}
        </p>
      </Show>
    </div>
  );
}
