import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { EChart, type EChartOption } from '../../../ui/echart';
import { ErrorResult } from '../../../ui/error-result';
import { useEnterpriseCount, useEnterpriseCountsByIndustry, type IndustryCount } from '../../enterprises';
import { useHomeMessages } from '../messages';

function industryChart(counts: IndustryCount[]): EChartOption {
  const sorted = [...counts].sort((a, b) => a.count - b.count);
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((item) => item.name) },
    series: [
      {
        type: 'bar',
        data: sorted.map((item) => item.count),
        itemStyle: { color: '#1f4e9c', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
      },
    ],
  };
}

/** Counts for people who oversee enterprises: cheap `pageSize=1` queries, no aggregate endpoint needed. */
export function ScopeStatistics() {
  const t = useHomeMessages();
  const total = useEnterpriseCount({});
  const active = useEnterpriseCount({ status: 'active' });
  const archived = useEnterpriseCount({ status: 'archived' });
  const byIndustry = useEnterpriseCountsByIndustry(true);
  const option = useMemo(() => industryChart(byIndustry.counts), [byIndustry.counts]);
  const anyEnterprise = byIndustry.counts.some((item) => item.count > 0);

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/enterprises">
              <Statistic title={t.inScope} value={total.data ?? 0} loading={total.isPending} data-testid="stat-total" />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Link to="/enterprises?status=active">
              <Statistic
                title={t.active}
                value={active.data ?? 0}
                loading={active.isPending}
                styles={{ content: { color: '#389e0d' } }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Link to="/enterprises?status=archived">
              <Statistic
                title={t.archived}
                value={archived.data ?? 0}
                loading={archived.isPending}
                styles={{ content: { color: '#8c8c8c' } }}
              />
            </Link>
          </Card>
        </Col>
      </Row>
      <Card title={t.byIndustry}>
        {byIndustry.error ? (
          <ErrorResult error={byIndustry.error} />
        ) : !byIndustry.pending && !anyEnterprise ? (
          <Empty description={t.chartEmpty} />
        ) : (
          <EChart
            option={option}
            loading={byIndustry.pending}
            height={360}
            ariaLabel={t.byIndustry}
            data-testid="industry-chart"
          />
        )}
      </Card>
    </>
  );
}
