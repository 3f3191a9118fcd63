import { DeleteOutlined, InboxOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Progress, Table, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { isApiError } from '../../../api/client';
import { downloadReceiptJson, useAttestBatch, type Attestation } from '../hooks/use-attestations';
import { useAttestationMessages } from '../messages';
import { hashFile } from '../tlog-browser';

type RowStatus = 'hashing' | 'hashed' | 'attesting' | 'attested' | 'failed';

interface FileRow {
  key: string;
  file: File;
  label: string;
  progress: number;
  sha256: string | null;
  status: RowStatus;
  error: string | null;
  attestation: Attestation | null;
}

export interface FileAttesterProps {
  /** Attestations made here link to this secret point. */
  secretPointId?: string;
}

/** One request carries at most this many files (the server's batch limit). */
const BATCH = 1000;

/**
 * Choose one or many files: each is hashed in this browser (streamed, with progress) and only the hashes
 * are sent, in one batch request per thousand files, answered with receipts once in a signed checkpoint.
 */
export function FileAttester({ secretPointId }: FileAttesterProps) {
  const t = useAttestationMessages();
  const { message } = App.useApp();
  const [rows, setRows] = useState<FileRow[]>([]);
  const attest = useAttestBatch();
  const counter = useRef(0);

  const update = (key: string, patch: Partial<FileRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const add = (file: File) => {
    counter.current += 1;
    const key = `${counter.current}-${file.name}`;
    setRows((current) => [
      ...current,
      { key, file, label: file.name, progress: 0, sha256: null, status: 'hashing', error: null, attestation: null },
    ]);
    hashFile(file, (fraction) => update(key, { progress: Math.round(fraction * 100) })).then(
      (sha256) => update(key, { sha256, status: 'hashed', progress: 100 }),
      (error: unknown) => update(key, { status: 'failed', error: String(error) }),
    );
  };

  const ready = rows.filter((r) => r.status === 'hashed' && r.sha256);
  const submit = async () => {
    // The same file twice is attested once.
    const seen = new Set<string>();
    const unique = ready.filter((r) => (seen.has(r.sha256!) ? false : (seen.add(r.sha256!), true)));
    for (let i = 0; i < unique.length; i += BATCH) {
      const chunk = unique.slice(i, i + BATCH);
      chunk.forEach((r) => update(r.key, { status: 'attesting' }));
      try {
        const result = await attest.mutateAsync({
          key: crypto.randomUUID(),
          items: chunk.map((r) => ({
            sha256: r.sha256!,
            label: r.label.trim().slice(0, 200) || undefined,
            ...(secretPointId ? { secretPointId } : {}),
          })),
        });
        chunk.forEach((r, j) =>
          update(r.key, { status: 'attested', attestation: result.items[j]?.attestation ?? null }),
        );
        message.success(`已存证 ${chunk.length} 个文件，写入检查点（树大小 ${result.treeSize}）`);
      } catch (error) {
        const text = isApiError(error) ? (error.detail ?? error.title) : String(error);
        chunk.forEach((r) => update(r.key, { status: 'failed', error: text }));
        message.error(text);
      }
    }
  };

  const statusTag = (row: FileRow) => {
    switch (row.status) {
      case 'hashing':
        return <Progress percent={row.progress} size="small" style={{ width: 140 }} />;
      case 'hashed':
        return <Tag color="blue">{t.hashed}</Tag>;
      case 'attesting':
        return <Tag color="processing">{t.attesting}</Tag>;
      case 'attested':
        return <Tag color="success">{t.attested}</Tag>;
      case 'failed':
        return (
          <Tag color="error" title={row.error ?? undefined}>
            {t.failed}：{row.error}
          </Tag>
        );
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="file-attester">
      <Upload.Dragger
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          add(file);
          // Never upload: the file stays in the browser.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t.dropTitle}</p>
        <p className="ant-upload-hint">{t.dropHint}</p>
      </Upload.Dragger>
      {rows.length > 0 ? (
        <>
          <Table<FileRow>
            size="small"
            style={{ marginTop: 12 }}
            rowKey="key"
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10 } : false}
            columns={[
              {
                title: t.label,
                key: 'label',
                render: (_, row) =>
                  row.status === 'attested' || row.status === 'attesting' ? (
                    row.label
                  ) : (
                    <Input
                      size="small"
                      value={row.label}
                      maxLength={200}
                      aria-label={t.label}
                      onChange={(e) => update(row.key, { label: e.target.value })}
                    />
                  ),
              },
              {
                title: t.sha256,
                key: 'sha256',
                render: (_, row) => (
                  <Typography.Text code style={{ fontSize: 12 }} data-testid="file-sha256">
                    {row.sha256 ? `${row.sha256.slice(0, 16)}…` : '—'}
                  </Typography.Text>
                ),
              },
              { title: t.status, key: 'status', render: (_, row) => statusTag(row) },
              {
                title: t.actions,
                key: 'actions',
                render: (_, row) =>
                  row.attestation ? (
                    <Button size="small" type="link" onClick={() => void downloadReceiptJson(row.attestation!)}>
                      {t.receiptJson}
                    </Button>
                  ) : row.status === 'attesting' ? null : (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t.evidenceRemove}
                      onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                    />
                  ),
              },
            ]}
          />
          <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
            <Button onClick={() => setRows((current) => current.filter((r) => r.status === 'attesting'))}>
              {t.clearSelected}
            </Button>
            <Button
              type="primary"
              icon={<SafetyOutlined />}
              disabled={ready.length === 0}
              loading={attest.isPending}
              onClick={() => void submit()}
              data-testid="attest-submit"
            >
              {t.attestSelected}（{ready.length}）
            </Button>
          </Flex>
        </>
      ) : null}
    </Card>
  );
}
