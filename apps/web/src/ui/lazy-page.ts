import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page that is loaded on first visit. `load` imports a feature's `<feature>-pages.ts`, so all pages of a
 * feature share one chunk and the first load ships only the shell. Render it inside <Suspense>.
 */
export function lazyPage<Pages extends Record<Name, ComponentType>, Name extends keyof Pages>(
  load: () => Promise<Pages>,
  name: Name,
): LazyExoticComponent<Pages[Name]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
