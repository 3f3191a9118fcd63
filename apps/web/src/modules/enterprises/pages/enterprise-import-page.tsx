import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { LIMITS } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Result,
  Row,
  Statistic,
  Steps,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ImportJob, ImportRowError } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import {
  downloadImportTemplate,
  isImportRunning,
  useCommitImport,
  useImportJob,
  useStartImport,
} from '../hooks/use-enterprise-import';
import { useEnterpriseMessages } from '../messages';

const MAX_MB = Math.round(LIMITS.importFileBytesMax / 1024 / 1024);

function stepOf(job: ImportJob | undefined): number {
  if (!job) {
    return 0;
  }
  switch (job.status) {
    case 'validating':
    case 'validated':
      return 1;
    case 'importing':
    case 'done':
      return 2;
    case 'failed':
      return job.importedRows > 0 ? 2 : 1;
  }
}

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

interface ImportProgressProps {
  job: ImportJob;
}

function ImportProgress({ job }: ImportProgressProps) {
  const t = useEnterpriseMessages();
  const importing = job.status === 'importing';
  // While importing, progress is measured against the valid rows that are being written.
  const value = importing ? percent(job.importedRows, job.validRows) : percent(job.processedRows, job.totalRows);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Tag
          color={job.status === 'failed' ? 'red' : job.status === 'done' ? 'green' : 'blue'}
          data-testid="import-status"
        >
          {t.jobStatus[job.status]}
        </Tag>
        {isImportRunning(job.status) ? <span>{importing ? t.importing : t.validating}</span> : null}
      </Flex>
      <Progress
        percent={job.status === 'validating' || importing ? value : 100}
        status={job.status === 'failed' ? 'exception' : isImportRunning(job.status) ? 'active' : 'success'}
        data-testid="import-progress"
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t.totalRows} value={job.totalRows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.validRows} value={job.validRows} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t.errorRows}
            value={job.errorRows}
            styles={{ content: { color: job.errorRows > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.importedRows} value={job.importedRows} />
        </Col>
      </Row>
    </Card>
  );
}

interface ImportErrorsTableProps {
  errors: ImportRowError[];
}

function ImportErrorsTable({ errors }: ImportErrorsTableProps) {
  const t = useEnterpriseMessages();
  return (
    <Table<ImportRowError>
      rowKey={(error) => `${error.row}:${error.column}:${error.field}:${error.message}`}
      size="small"
      data-testid="import-errors"
      dataSource={errors}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noRowErrors} /> }}
      columns={[
        { title: t.errorRow, dataIndex: 'row', key: 'row', width: 90 },
        { title: t.errorColumn, dataIndex: 'column', key: 'column', width: 200 },
        { title: t.errorMessage, dataIndex: 'message', key: 'message' },
      ]}
    />
  );
}

export function EnterpriseImportPage() {
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  // The job id sits in the URL so a reload keeps following the same import.
  const jobId = params.get('job');
  const job = useImportJob(jobId);
  const start = useStartImport();
  const commit = useCommitImport();
  const [templateBusy, setTemplateBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const onFile = async (file: File) => {
    setUploadError(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setUploadError(t.onlyXlsx);
      return;
    }
    if (file.size > LIMITS.importFileBytesMax) {
      setUploadError(t.tooLarge(MAX_MB));
      return;
    }
    try {
      const started = await start.mutateAsync(file);
      setParams({ job: started.jobId });
    } catch (error) {
      setUploadError(errorMessage(error, common.networkError));
    }
  };

  const onTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadImportTemplate();
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setTemplateBusy(false);
    }
  };

  const data = job.data;
  const commitError = commit.error ? errorMessage(commit.error, common.networkError) : null;

  return (
    <>
      <PageHeader
        title={t.importTitle}
        subtitle={t.importSubtitle}
        crumbs={[{ title: t.listTitle, to: '/enterprises' }, { title: t.importTitle }]}
        extra={
          <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void onTemplate()}>
            {t.downloadTemplate}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={stepOf(data)}
          status={data?.status === 'failed' ? 'error' : undefined}
          items={[{ title: t.stepUpload }, { title: t.stepValidate }, { title: t.stepImport }]}
        />
      </Card>
      {jobId === null ? (
        <Card>
          {uploadError ? (
            <Alert type="error" showIcon title={uploadError} style={{ marginBottom: 16 }} role="alert" />
          ) : null}
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={start.isPending}
            beforeUpload={(file) => {
              void onFile(file);
              return Upload.LIST_IGNORE;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{start.isPending ? common.loading : t.uploadHint}</p>
            <p className="ant-upload-hint">{t.uploadLimit(LIMITS.importRowsMax, MAX_MB)}</p>
          </Upload.Dragger>
        </Card>
      ) : job.isError ? (
        <ErrorResult error={job.error} onRetry={() => void job.refetch()} />
      ) : !data ? (
        <Card loading />
      ) : (
        <>
          <ImportProgress job={data} />
          {data.status === 'failed' ? (
            <Alert
              type="error"
              showIcon
              title={t.failed}
              description={data.message ?? undefined}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          {data.status === 'done' ? (
            <Result
              status="success"
              title={t.done(data.importedRows)}
              data-testid="import-done"
              extra={[
                <Link key="list" to="/enterprises">
                  <Button type="primary">{t.toList}</Button>
                </Link>,
                <Button key="again" onClick={() => setParams({})}>
                  {t.startOver}
                </Button>,
              ]}
            />
          ) : null}
          {data.status !== 'validating' && data.status !== 'done' ? (
            <Card
              title={`${t.rowErrors}（${data.errorRows}）`}
              extra={
                <Flex gap={8}>
                  <Button onClick={() => setParams({})}>{t.startOver}</Button>
                  {data.status === 'validated' || data.status === 'importing' ? (
                    <Button
                      type="primary"
                      icon={<CloudUploadOutlined />}
                      disabled={data.validRows === 0 || data.status === 'importing'}
                      loading={commit.isPending || data.status === 'importing'}
                      onClick={() => commit.mutate(data.id)}
                      data-testid="import-commit"
                    >
                      {data.validRows === 0 ? t.commitNone : t.commit(data.validRows)}
                    </Button>
                  ) : null}
                </Flex>
              }
            >
              {commitError ? <Alert type="error" showIcon title={commitError} style={{ marginBottom: 16 }} /> : null}
              <ImportErrorsTable errors={data.errors} />
            </Card>
          ) : null}
        </>
      )}
    </>
  );
}
