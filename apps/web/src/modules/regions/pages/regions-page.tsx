import { Card, Empty, Skeleton, Tag, Tree } from 'antd';
import { useMemo } from 'react';
import type { RegionNode } from '../../../api/types';
import { defineMessages } from '../../../i18n/language';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { useRegions } from '../hooks/use-regions';

const useMessages = defineMessages({
  zh: { title: '行政区划', subtitle: '本平台使用的县（市、区）及市属开发区（只读）', empty: '暂无行政区划数据' },
  en: {
    title: 'Regions',
    subtitle: 'Counties, county-level cities, districts and development zones (read only)',
    empty: 'No regions',
  },
});

interface RegionTreeNode {
  key: string;
  title: React.ReactNode;
  children: RegionTreeNode[];
}

function toTree(nodes: RegionNode[]): RegionTreeNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span>
        {node.name}{' '}
        <Tag variant="filled" style={{ marginLeft: 4 }}>
          {node.code}
        </Tag>
      </span>
    ),
    children: toTree(node.children),
  }));
}

export function RegionsPage() {
  const t = useMessages();
  const regions = useRegions();
  const tree = useMemo(() => toTree(regions.data?.items ?? []), [regions.data]);
  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Card>
        {regions.isPending ? (
          <Skeleton active />
        ) : regions.isError ? (
          <ErrorResult error={regions.error} onRetry={() => void regions.refetch()} />
        ) : tree.length === 0 ? (
          <Empty description={t.empty} />
        ) : (
          <Tree treeData={tree} defaultExpandAll showLine selectable={false} />
        )}
      </Card>
    </>
  );
}
