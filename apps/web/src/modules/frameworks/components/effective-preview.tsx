import { Alert, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { EffectiveRequirement } from '../../../api/types';
import { ErrorResult } from '../../../ui/error-result';
import { useIndustries } from '../../enterprises';
import { useEffectiveRequirements } from '../hooks/use-frameworks';
import { useFrameworkMessages } from '../messages';
import { RequirementTags } from './requirement-tags';

export interface EffectivePreviewProps {
  versionId: string;
}

/** What an enterprise of a chosen industry would be assessed against under this standard version. */
export function EffectivePreview({ versionId }: EffectivePreviewProps) {
  const t = useFrameworkMessages();
  const industries = useIndustries();
  const [industry, setIndustry] = useState<string | undefined>('ejiao_tcm');
  const effective = useEffectiveRequirements(versionId, industry);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t.previewIndustry}</Typography.Text>
        <Select<string>
          aria-label={t.previewIndustry}
          value={industry}
          onChange={setIndustry}
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={(industries.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          data-testid="preview-industry"
        />
      </Space>
      {effective.isError ? (
        <ErrorResult error={effective.error} onRetry={() => void effective.refetch()} />
      ) : (
        <>
          {effective.data ? (
            <Alert
              type="info"
              showIcon
              title={t.previewHint(effective.data.items.length, effective.data.passScore)}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Table<EffectiveRequirement>
            rowKey="code"
            size="small"
            loading={effective.isFetching}
            dataSource={effective.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="preview-table"
            columns={[
              { title: t.code, dataIndex: 'code', key: 'code', width: 110 },
              {
                title: `${t.chapter} / ${t.clause}`,
                key: 'where',
                width: 220,
                render: (_value, requirement) => (
                  <Typography.Text type="secondary">
                    {requirement.chapterTitle} / {requirement.clauseTitle}
                  </Typography.Text>
                ),
              },
              { title: t.requirementText, dataIndex: 'text', key: 'text' },
              {
                title: t.weight,
                key: 'tags',
                width: 240,
                render: (_value, requirement) => (
                  <RequirementTags
                    mandatory={requirement.mandatory}
                    weight={requirement.weight}
                    industries={[]}
                    source={requirement.source}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
