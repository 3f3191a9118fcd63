import { PROGRESS_KIND_LABELS, type ProgressKind } from '@shangmi/shared';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { ProgrammePicker } from '../components/programme-picker';
import { useActiveProgramme, useAllocation, useSaveAllocation, type Allocation } from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

type Values = Record<string, Record<ProgressKind, number>>;

/** The city admin splits each target across counties and zones; the page warns when parts do not add up. */
export function ProgrammeAllocationPage() {
  const t = useProgrammeMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { programmes, active, isLoading, error, choose } = useActiveProgramme();
  const allocation = useAllocation(active?.id);
  const save = useSaveAllocation(active?.id ?? '');
  const [values, setValues] = useState<Values>({});
  useEffect(() => {
    if (allocation.data) {
      setValues(Object.fromEntries(allocation.data.items.map((i) => [i.regionId, { ...i.targets }])));
    }
  }, [allocation.data]);
  const data: Allocation | undefined = allocation.data;
  const kinds = data?.kinds ?? [];
  const totals = useMemo(() => {
    const sum: Partial<Record<ProgressKind, number>> = {};
    for (const kind of kinds) {
      sum[kind] = Object.values(values).reduce((s, v) => s + (v[kind] ?? 0), 0);
    }
    return sum;
  }, [values, kinds]);
  if (isLoading) {
    return <PageLoading />;
  }
  if (error) {
    return <ErrorResult error={error} />;
  }
  if (!active) {
    return <Empty description={t.noProgramme} />;
  }
  const mismatched = kinds.filter((k) => totals[k] !== data?.targets[k]);
  const editable = can('programme:write');
  return (
    <>
      <PageHeader
        title={t.allocation}
        subtitle={active.title}
        extra={
          <Space>
            <ProgrammePicker programmes={programmes} value={active.id} onChange={choose} />
            {editable ? (
              <Button
                type="primary"
                loading={save.isPending}
                onClick={() => {
                  const items = Object.entries(values).flatMap(([regionId, targets]) =>
                    kinds.map((kind) => ({ regionId, kind, target: targets[kind] ?? 0 })),
                  );
                  save
                    .mutateAsync({ items })
                    .then(() => message.success(t.saved))
                    .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
                }}
              >
                {t.save}
              </Button>
            ) : null}
          </Space>
        }
      />
      {allocation.isError ? <ErrorResult error={allocation.error} /> : null}
      {data ? (
        mismatched.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="allocation-warning"
            message={t.allocationMismatch}
            description={mismatched
              .map(
                (k) => `${PROGRESS_KIND_LABELS[k]}：${t.cityTarget} ${data.targets[k]}，${t.total} ${totals[k] ?? 0}`,
              )
              .join('；')}
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t.allocationBalanced} />
        )
      ) : null}
      <Card>
        <Table
          rowKey="regionId"
          size="small"
          pagination={false}
          loading={allocation.isFetching}
          dataSource={data?.items ?? []}
          data-testid="allocation-table"
          columns={[
            { title: t.region, dataIndex: 'name', key: 'name', width: 200 },
            ...kinds.map((kind) => ({
              title: PROGRESS_KIND_LABELS[kind],
              key: kind,
              render: (_v: unknown, row: Allocation['items'][number]) => (
                <InputNumber
                  min={0}
                  precision={0}
                  disabled={!editable}
                  aria-label={`${row.name}${PROGRESS_KIND_LABELS[kind]}`}
                  value={values[row.regionId]?.[kind] ?? 0}
                  onChange={(v) =>
                    setValues((prev) => ({
                      ...prev,
                      [row.regionId]: { ...(prev[row.regionId] ?? row.targets), [kind]: v ?? 0 },
                    }))
                  }
                />
              ),
            })),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>
                  {t.total}（{t.cityTarget}）
                </Typography.Text>
              </Table.Summary.Cell>
              {kinds.map((kind, i) => (
                <Table.Summary.Cell index={i + 1} key={kind}>
                  <Typography.Text type={totals[kind] === data?.targets[kind] ? undefined : 'danger'} strong>
                    {totals[kind] ?? 0}（{data?.targets[kind] ?? 0}）
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      </Card>
    </>
  );
}
