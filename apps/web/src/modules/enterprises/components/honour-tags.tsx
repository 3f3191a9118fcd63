import type { Honour } from '@shangmi/shared';
import { Tag } from 'antd';
import { useDomainLabels } from '../../../i18n/labels';

export interface HonourTagsProps {
  honours: Honour[];
}

const COLORS: Record<Honour, string> = {
  single_champion: 'gold',
  specialized: 'blue',
  gazelle: 'cyan',
  leading: 'purple',
  pioneer: 'geekblue',
};

export function HonourTags({ honours }: HonourTagsProps) {
  const labels = useDomainLabels();
  if (honours.length === 0) {
    return <span style={{ color: '#bfbfbf' }}>—</span>;
  }
  return (
    <>
      {honours.map((honour) => (
        <Tag key={honour} color={COLORS[honour]} variant="filled">
          {labels.honour(honour)}
        </Tag>
      ))}
    </>
  );
}
