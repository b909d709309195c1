// The public dashboard's figures: `GET /api/stats?from=&to=` (WITA days).
import type { StatsResponse } from '../../../worker/domain/api';
import { request } from './client';

export interface StatsPeriod {
  from: string;
  to: string;
}

export const statsPath = (period: StatsPeriod) =>
  `/api/stats?${new URLSearchParams({ from: period.from, to: period.to })}`;

export const getStats = (period: StatsPeriod) => request<StatsResponse>(statsPath(period));
