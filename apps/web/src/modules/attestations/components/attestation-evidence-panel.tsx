import { SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { formatDateTime, orDash } from '../../../ui/format';
import {
  useAddAttestationEvidence,
  useAttestationEvidence,
  useAttestationList,
  useRemoveAttestationEvidence,
  type AttestationEvidenceList,
} from '../hooks/use-attestations';
import { useAttestationMessages } from '../messages';

export interface AttestationEvidencePanelProps {
  assessmentId: string;
  requirements: { code: string; text: string }[];
  /** Requirements the enterprise may change now (from the assessment). */
  editableCodes: string[];
}

type EvidenceItem = AttestationEvidenceList['items'][number];

/** Attestations given as evidence for requirements of a self-assessment (the attestation module's part of the page). */
export function AttestationEvidencePanel({ assessmentId, requirements, editableCodes }: AttestationEvidencePanelProps) {
  const t = useAttestationMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const evidence = useAttestationEvidence(assessmentId);
  const canAttach = can('attestation:write') && (evidence.data?.editable ?? false) && editableCodes.length > 0;
  const [search, setSearch] = useState('');
  const attestations = useAttestationList({ q: search || undefined, page: 1, pageSize: 20 }, canAttach);
  const add = useAddAttestationEvidence(assessmentId);
  const remove = useRemoveAttestationEvidence(assessmentId);
  const [code, setCode] = useState<string | undefined>();
  const [attestationId, setAttestationId] = useState<string | undefined>();
  const failed = (error: unknown) => message.error(isApiError(error) ? (error.detail ?? error.title) : String(error));
  const items = evidence.data?.items ?? [];
  if (evidence.isError) {
    return null;
  }
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Flex gap={8} align="center">
          <SafetyOutlined /> {t.evidenceTitle}
        </Flex>
      }
      data-testid="attestation-evidence"
    >
      <Table<EvidenceItem>
        size="small"
        rowKey="id"
        loading={evidence.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.evidenceEmpty} /> }}
        columns={[
          { title: t.requirement, dataIndex: 'requirementCode', width: 90 },
          {
            title: t.attestation,
            key: 'attestation',
            render: (_, row) =>
              can('attestation:read') ? (
                <Link to={`/attestations/${row.attestation.id}`}>{orDash(row.attestation.label)}</Link>
              ) : (
                orDash(row.attestation.label)
              ),
          },
          {
            title: t.sha256,
            key: 'sha',
            render: (_, row) => <Typography.Text code>{row.attestation.sha256.slice(0, 16)}…</Typography.Text>,
          },
          {
            title: t.leafIndex,
            key: 'leaf',
            render: (_, row) => (row.attestation.leafIndex === null ? '—' : `#${row.attestation.leafIndex}`),
          },
          { title: t.loggedAt, key: 'at', render: (_, row) => formatDateTime(row.attestation.loggedAt) },
          ...(canAttach
            ? [
                {
                  title: t.actions,
                  key: 'actions',
                  render: (_: unknown, row: EvidenceItem) =>
                    editableCodes.includes(row.requirementCode) ? (
                      <Popconfirm title={t.evidenceRemove} onConfirm={() => remove.mutateAsync(row.id).catch(failed)}>
                        <Button type="link" size="small" danger>
                          {t.evidenceRemove}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {canAttach ? (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Select<string>
            placeholder={t.requirement}
            aria-label={t.requirement}
            style={{ width: 200 }}
            value={code}
            onChange={setCode}
            options={requirements
              .filter((r) => editableCodes.includes(r.code))
              .map((r) => ({ value: r.code, label: `${r.code} ${r.text.slice(0, 20)}` }))}
          />
          <Select<string>
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t.attestation}
            aria-label={t.attestation}
            style={{ minWidth: 320, flex: 1 }}
            value={attestationId}
            onChange={setAttestationId}
            options={(attestations.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `#${a.leafIndex ?? '—'} ${a.label ?? a.sha256.slice(0, 16)}`,
            }))}
          />
          <Button
            type="primary"
            disabled={!code || !attestationId}
            loading={add.isPending}
            onClick={() =>
              void add
                .mutateAsync({ requirementCode: code!, attestationId: attestationId! })
                .then(() => setAttestationId(undefined))
                .catch(failed)
            }
          >
            {t.evidenceAdd}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
