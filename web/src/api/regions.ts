// One list of regions (the children of a parent region) that follows its parent's code:
// empty while no parent is chosen, reloaded whenever the parent changes.
import { createResource, type Accessor } from 'solid-js';
import type { RegionChildrenResponse, RegionInfo } from '../../../worker/domain/api';

export type RegionListStatus = 'waiting' | 'loading' | 'ready' | 'error';

export interface RegionList {
  status: Accessor<RegionListStatus>;
  regions: Accessor<RegionInfo[]>;
  error: Accessor<unknown>;
  retry: () => void;
  find: (code: string | null) => RegionInfo | undefined;
}

export function createRegionList(
  parentCode: Accessor<string | null>,
  load: (code: string) => Promise<RegionChildrenResponse>,
): RegionList {
  const [children, { refetch }] = createResource(() => parentCode() ?? false, load);
  const status = (): RegionListStatus => {
    if (!parentCode()) return 'waiting';
    if (children.state === 'errored') return 'error';
    return children.state === 'ready' ? 'ready' : 'loading';
  };
  // A resource keeps its last value when the parent is cleared, and while the next one
  // loads: only a 'ready' status says the value belongs to the current parent.
  const regions = () => (status() === 'ready' ? (children()?.children ?? []) : []);
  return {
    status,
    regions,
    error: () => (status() === 'error' ? children.error : undefined),
    retry: () => void refetch(),
    find: (code) => (code ? regions().find((r) => r.code === code) : undefined),
  };
}
