import { Space, Tag } from 'antd';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { useIndustries } from '../../enterprises';
import { useFrameworkMessages } from '../messages';

export interface RequirementTagsProps {
  mandatory: boolean;
  weight: number;
  industries: readonly string[];
  source?: 'standard' | 'guide';
}

/** 强制/推荐, weight, the industries a requirement is limited to, and whether a guide added it. */
export function RequirementTags({ mandatory, weight, industries, source }: RequirementTagsProps) {
  const t = useFrameworkMessages();
  const labels = useConformanceLabels();
  const industryList = useIndustries();
  const nameOf = (code: string) => industryList.data?.items.find((item) => item.code === code)?.name ?? code;
  return (
    <Space size={[4, 4]} wrap>
      {mandatory ? <Tag color="red">{labels.mandatory}</Tag> : <Tag>{labels.recommended}</Tag>}
      <Tag color="blue">
        {t.weight} {weight}
      </Tag>
      {source === 'guide' ? <Tag color="purple">{t.fromGuide}</Tag> : null}
      {industries.map((code) => (
        <Tag key={code} color="cyan">
          {nameOf(code)}
        </Tag>
      ))}
    </Space>
  );
}
