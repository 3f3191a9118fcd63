import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ENTERPRISE_STATUSES, HONOURS, type EnterpriseStatus, type Honour } from '@shangmi/shared';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { EnterpriseFilters, EnterpriseSort } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { EnterpriseFiltersBar } from '../components/enterprise-filters';
import { EnterpriseTable } from '../components/enterprise-table';
import { exportEnterprises, useEnterpriseList } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

const SORTS: readonly EnterpriseSort[] = ['name', '-name', 'uscc', '-uscc', 'createdAt', '-createdAt'];

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function EnterpriseListPage() {
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const url = useUrlState();
  const [exporting, setExporting] = useState(false);

  const filters: EnterpriseFilters = {
    q: url.get('q'),
    regionId: url.get('regionId'),
    industry: url.get('industry'),
    honour: oneOf<Honour>(HONOURS, url.get('honour')),
    status: oneOf<EnterpriseStatus>(ENTERPRISE_STATUSES, url.get('status')),
    sort: oneOf(SORTS, url.get('sort')),
  };
  const list = useEnterpriseList({ ...filters, page: url.page, pageSize: url.pageSize });
  const filtered = Boolean(filters.q ?? filters.regionId ?? filters.industry ?? filters.honour ?? filters.status);

  const onExport = async () => {
    setExporting(true);
    try {
      // The export takes the filters only; its row order is the server's.
      const name = await exportEnterprises({
        q: filters.q,
        regionId: filters.regionId,
        industry: filters.industry,
        honour: filters.honour,
        status: filters.status,
      });
      void message.success(t.exported(name));
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t.listTitle}
        subtitle={t.listSubtitle}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
              {t.export}
            </Button>
            {can('enterprise:import') ? (
              <Link to="/enterprises/import">
                <Button icon={<UploadOutlined />}>{t.import}</Button>
              </Link>
            ) : null}
            {can('enterprise:write') ? (
              <Link to="/enterprises/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t.newEnterprise}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <EnterpriseFiltersBar filters={filters} onChange={url.set} onReset={url.clear} />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <EnterpriseTable
            data={list.data}
            loading={list.isFetching}
            sort={filters.sort}
            filtered={filtered}
            canEdit={can('enterprise:write')}
            onPage={(page, pageSize) => url.set({ page, pageSize })}
            onSort={(sort) => url.set({ sort })}
          />
        )}
      </Card>
    </>
  );
}
