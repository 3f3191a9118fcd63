import { lazyPage } from '../../ui/lazy-page';

// Pages load on first visit, in one chunk for the feature.
const pages = () => import('./regions-pages');
export const RegionsPage = lazyPage(pages, 'RegionsPage');

export { RegionTreeSelect } from './components/region-tree-select';
export { useRegions, useRegionNames } from './hooks/use-regions';
