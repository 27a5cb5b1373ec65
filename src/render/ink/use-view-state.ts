import { useSyncExternalStore } from 'react';
import type { ViewStore } from './view-store.js';
import type { ViewState } from './view-state.js';

/** The store's current state; the component re-renders on every dispatch. */
export function useViewState(store: ViewStore): ViewState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
