// The map view without Leaflet: the lazily loaded map component is replaced by a stand-in, so
// this checks what the feed page gives it (Leaflet itself is covered end to end).
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedMapProps } from '../../../web/src/components/public/FeedMap';
import { App } from '../../../web/src/App';
import { feedItemFixture, installPublicApi } from './fake-public-api';
import { useAppPage } from '../page-helpers';

vi.mock('../../../web/src/components/public/FeedMap', () => ({
  default: (props: FeedMapProps) => (
    <div data-testid="map" data-pins={props.items.map((i) => i.code).join(' ')} data-tiles={String(props.config.tileUrl)} />
  ),
}));

let api: ReturnType<typeof installPublicApi>;

useAppPage();

beforeEach(() => {
  api = installPublicApi();
});

describe('feed map view', () => {
  it('loads the pinned complaints for the current filters and lists them as links too', async () => {
    api.setFeed('/api/complaints?regency=52.01', { items: [feedItemFixture(1)], nextCursor: null });
    api.setFeed('/api/complaints?regency=52.01&pinned=true&limit=200', {
      items: [feedItemFixture(7), feedItemFixture(8, { status: 'closed' })],
      nextCursor: null,
    });
    window.history.replaceState(null, '', '/pengaduan?regency=52.01');
    render(() => <App />);
    await screen.findByRole('article');

    const mapButton = screen.getByRole('button', { name: 'Peta' });
    expect(mapButton.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(mapButton);
    await waitFor(() => expect(mapButton.getAttribute('aria-pressed')).toBe('true'));
    expect(new URLSearchParams(window.location.search).get('view')).toBe('map');

    const map = await screen.findByTestId('map');
    await waitFor(() => expect(map.dataset.pins).toBe('NTB-00000007 NTB-00000008'));
    expect(map.dataset.tiles).toBe('null');
    expect(screen.getByText('2 pengaduan di peta.')).toBeTruthy();
    const list = screen.getByText('Daftar pengaduan di peta (2)').closest('details')!;
    expect(within(list).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/lacak/NTB-00000007',
      '/lacak/NTB-00000008',
    ]);
    expect(list.textContent).toContain('(Ditutup)');
    expect(screen.queryByRole('article')).toBeNull();
    expect(api.paths()).toEqual(['/api/complaints?regency=52.01', '/api/complaints?regency=52.01&pinned=true&limit=200']);

    fireEvent.click(screen.getByRole('button', { name: 'Daftar' }));
    await screen.findByRole('article');
    expect(window.location.search).toBe('?regency=52.01');
  });
});
