// Reference data (categories, regencies, agencies, ...) from `GET /api/meta`: loaded once,
// on first use, and shared by every page under the provider.
import {
  createContext,
  createResource,
  createSignal,
  useContext,
  type ParentProps,
  type Resource,
} from 'solid-js';
import type { MetaResponse } from '../../../worker/domain/api';
import { getMeta } from './client';

export interface MetaStore {
  meta: Resource<MetaResponse>;
  /** Loads again, e.g. after a network error. */
  reload: () => void;
}

const MetaContext = createContext<() => MetaStore>();

export function MetaProvider(props: ParentProps) {
  const [wanted, setWanted] = createSignal(false);
  const [meta, { refetch }] = createResource(wanted, () => getMeta());
  const store: MetaStore = { meta, reload: () => void refetch() };
  const use = () => {
    setWanted(true);
    return store;
  };
  return <MetaContext.Provider value={use}>{props.children}</MetaContext.Provider>;
}

export function useMeta(): MetaStore {
  const use = useContext(MetaContext);
  if (!use) throw new Error('useMeta needs a <MetaProvider>');
  return use();
}
