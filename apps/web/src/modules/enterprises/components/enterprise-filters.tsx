import { ENTERPRISE_STATUSES, HONOURS, type EnterpriseStatus, type Honour } from '@shangmi/shared';
import { Button, Card, Col, Input, Row, Select } from 'antd';
import type { EnterpriseFilters } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { RegionTreeSelect } from '../../regions';
import { useIndustries } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

export interface EnterpriseFiltersBarProps {
  filters: EnterpriseFilters;
  onChange: (patch: Partial<Record<keyof EnterpriseFilters, string | undefined>>) => void;
  onReset: () => void;
}

export function EnterpriseFiltersBar({ filters, onChange, onReset }: EnterpriseFiltersBarProps) {
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const industries = useIndustries();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={7}>
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            placeholder={t.searchPlaceholder}
            aria-label={t.searchPlaceholder}
            allowClear
            enterButton={common.search}
            onSearch={(value) => onChange({ q: value.trim() || undefined })}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <RegionTreeSelect
            aria-label={t.region}
            value={filters.regionId}
            placeholder={t.anyRegion}
            onChange={(regionId) => onChange({ regionId })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<string>
            aria-label={t.industry}
            value={filters.industry}
            placeholder={t.anyIndustry}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={industries.isLoading}
            options={(industries.data?.items ?? []).map((industry) => ({ value: industry.code, label: industry.name }))}
            onChange={(industry) => onChange({ industry })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select<Honour>
            aria-label={t.honours}
            value={filters.honour}
            placeholder={t.anyHonour}
            allowClear
            options={HONOURS.map((honour) => ({ value: honour, label: labels.honour(honour) }))}
            onChange={(honour) => onChange({ honour })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select<EnterpriseStatus>
            aria-label={t.status}
            value={filters.status}
            placeholder={t.anyStatus}
            allowClear
            options={ENTERPRISE_STATUSES.map((status) => ({ value: status, label: labels.enterpriseStatus(status) }))}
            onChange={(status) => onChange({ status })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={6} xl={3}>
          <Button onClick={onReset} block>
            {common.reset}
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
