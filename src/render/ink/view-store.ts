import { initialViewState, reduceView, type ViewEvent, type ViewState } from './view-state.js';

/** The view's state behind dispatch and subscribe, for useSyncExternalStore. A closure, not a class. */
export interface ViewStore {
  getState: () => ViewState;
  dispatch: (event: ViewEvent) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createViewStore(initial: ViewState = initialViewState): ViewStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(event) {
      state = reduceView(state, event);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
