// The pages' code, loaded per route. The router's loader starts loading a page's code as soon
// as the URL is known (router.tsx); RouteGuard renders the page.
import { createElement, lazy, useState, useSyncExternalStore, type ComponentType } from 'react';
import type { AppRoute, RouteKey } from './routeTable';

type PageModule = { default: ComponentType };

const loading = new Map<RouteKey, Promise<PageModule>>();
const loaded = new Map<RouteKey, ComponentType>();

// How many page loads are under way, for `usePageCodeLoading`.
let inFlight = 0;
const listeners = new Set<() => void>();
function changeInFlight(by: number) {
  inFlight += by;
  listeners.forEach((listener) => listener());
}

/** Starts loading a route's page code, once; a failed load is tried again next time. */
export function loadPage(route: AppRoute): Promise<PageModule> {
  let promise = loading.get(route.key);
  if (!promise) {
    promise = route.load().then((module) => {
      loaded.set(route.key, module.default);
      return module;
    });
    promise.catch(() => loading.delete(route.key));
    changeInFlight(1);
    void promise.finally(() => changeInFlight(-1)).catch(() => {});
    loading.set(route.key, promise);
  }
  return promise;
}

/**
 * Whether some page's code is still loading. The signed-in shell waits for it, behind its
 * loading screen, before it first shows the layout: a page that suspends there shows the
 * layout's loading fallback, and React then holds the page back for 300 ms (its fallback
 * throttle) even when the code arrives a moment later.
 */
export function usePageCodeLoading(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => inFlight > 0,
  );
}

/**
 * A route's page as a component. When its code has already loaded (the usual case: the
 * loader started it before the signed-in shell rendered), the page renders at once: a
 * React.lazy component suspends on first render even when its code is there, and React then
 * holds the page back behind the loading spinner for up to 300 ms (its fallback throttle).
 * Otherwise it suspends until the code is there. Chosen once per mount, so a page never
 * remounts when its code arrives.
 */
export function pageComponent(route: AppRoute): ComponentType {
  const Lazy = lazy(() => loadPage(route));
  function Page() {
    const [Component] = useState<ComponentType>(() => loaded.get(route.key) ?? Lazy);
    return createElement(Component);
  }
  Page.displayName = `Page(${route.key})`;
  return Page;
}
