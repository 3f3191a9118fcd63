import { Select } from 'antd';
import { useMemo } from 'react';
import type { RegionKind } from '@shangmi/shared';
import type { RegionNode } from '../../../api/types';
import { useRegions } from '../../regions';

const COUNTY_LEVEL = new Set<RegionKind>(['county', 'district', 'county_city', 'dev_zone']);

/** The county-level regions (children of the city) as options. */
export function useCountyOptions(): { value: string; label: string }[] {
  const regions = useRegions();
  return useMemo(() => {
    const counties: RegionNode[] = [];
    const walk = (nodes: RegionNode[]) => {
      for (const node of nodes) {
        if (COUNTY_LEVEL.has(node.kind)) {
          counties.push(node);
        } else {
          walk(node.children);
        }
      }
    };
    walk(regions.data?.items ?? []);
    return counties.map((county) => ({ value: county.id, label: county.name }));
  }, [regions.data]);
}

export interface CountySelectProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  placeholder: string;
}

/** Picks one county (市、县、区) from /api/regions, which needs no session. */
export function CountySelect({ value, onChange, label, placeholder }: CountySelectProps) {
  const options = useCountyOptions();
  return (
    <Select<string>
      aria-label={label}
      placeholder={placeholder}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
