import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { RegionNode } from '../../../api/types';
import { useRegions } from '../hooks/use-regions';

interface RegionTreeOption {
  value: string;
  title: string;
  children: RegionTreeOption[];
}

function toOptions(nodes: RegionNode[]): RegionTreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: toOptions(node.children) }));
}

export interface RegionTreeSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
}

/** Picks one region from /api/regions; works as a controlled antd form control. */
export function RegionTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  style,
  id,
  ...rest
}: RegionTreeSelectProps) {
  const { data, isLoading } = useRegions();
  const treeData = useMemo(() => toOptions(data?.items ?? []), [data]);
  // The city level opens by default; towns stay folded until asked for (or found by search).
  const rootKeys = useMemo(() => treeData.map((node) => node.value), [treeData]);
  return (
    <TreeSelect<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={rootKeys}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
