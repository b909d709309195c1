// The optional pin: the phone's position, accepted only inside NTB.
import type { MapConfig } from '../../../worker/domain/api';

export type Bounds = MapConfig['bounds'];

export interface Pin {
  lat: number;
  lng: number;
  /** metres */
  accuracy: number | null;
}

export function insideBounds(bounds: Bounds, lat: number, lng: number): boolean {
  return lat >= bounds.south && lat <= bounds.north && lng >= bounds.west && lng <= bounds.east;
}

/** Six decimals are about 10 cm: more says nothing, and keeps the draft small. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

export type LocateProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout' | 'outside';

export type LocateResult = { pin: Pin } | { problem: LocateProblem; lat?: number; lng?: number };

/** Asks the phone where it is, once. */
export function locate(bounds: Bounds): Promise<LocateResult> {
  if (!('geolocation' in navigator)) return Promise.resolve({ problem: 'unsupported' });
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const lat = roundCoordinate(coords.latitude);
        const lng = roundCoordinate(coords.longitude);
        resolve(
          insideBounds(bounds, lat, lng)
            ? { pin: { lat, lng, accuracy: Number.isFinite(coords.accuracy) ? Math.round(coords.accuracy) : null } }
            : { problem: 'outside', lat, lng },
        );
      },
      (error) =>
        resolve({
          problem: error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    ),
  );
}
