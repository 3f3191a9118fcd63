export { RegionTreeSelect } from './components/region-tree-select';
export { useRegions, useRegionNames } from './hooks/use-regions';
export { RegionsPage } from './pages/regions-page';
