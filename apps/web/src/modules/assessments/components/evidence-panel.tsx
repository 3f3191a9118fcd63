import { DeleteOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_LIMITS } from '@shangmi/shared';
import { App, Button, Flex, List, Popconfirm, Popover, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth';
import type { AssessmentEvidence, EvidenceLinkType } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { formatBytes } from '../../../ui/format';
import {
  downloadEvidence,
  useAssessmentList,
  useLinkEvidence,
  useRemoveEvidence,
  useUploadEvidence,
} from '../hooks/use-assessments';
import { useAssessmentMessages } from '../messages';

const EXTENSIONS = [...new Set(Object.values(EVIDENCE_LIMITS.mimeTypes).flat())];
const MAX_MB = Math.round(EVIDENCE_LIMITS.maxBytes / 1024 / 1024);
const ACCEPT = [...EXTENSIONS, ...Object.keys(EVIDENCE_LIMITS.mimeTypes)].join(',');

function linkTarget(evidence: AssessmentEvidence): string | null {
  switch (evidence.linkType) {
    case 'enterprise':
      return `/enterprises/${evidence.linkId}`;
    case 'certificate':
      return `/certificates/${evidence.linkId}`;
    case 'assessment':
      return `/assessments/${evidence.linkId}`;
    case null:
      return null;
  }
}

interface LinkFormProps {
  assessmentId: string;
  requirementCode: string;
  onDone: () => void;
}

function LinkForm({ assessmentId, requirementCode, onDone }: LinkFormProps) {
  const t = useAssessmentMessages();
  const common = useCommonMessages();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const link = useLinkEvidence(assessmentId);
  const [linkType, setLinkType] = useState<EvidenceLinkType>('enterprise');
  const [linkId, setLinkId] = useState<string | undefined>(user.enterpriseId ?? undefined);
  const earlier = useAssessmentList({ page: 1, pageSize: 50 }, linkType === 'assessment');
  const options =
    linkType === 'enterprise'
      ? user.enterpriseId
        ? [{ value: user.enterpriseId, label: user.organization?.name ?? user.enterpriseId }]
        : []
      : (earlier.data?.items ?? [])
          .filter((item) => item.id !== assessmentId)
          .map((item) => ({ value: item.id, label: `${item.standardVersionLabel} · ${t.roundN(item.round)}` }));
  return (
    <Space orientation="vertical" style={{ width: 320 }}>
      <Select<EvidenceLinkType>
        aria-label={t.linkType}
        value={linkType}
        style={{ width: '100%' }}
        onChange={(next) => {
          setLinkType(next);
          setLinkId(next === 'enterprise' ? (user.enterpriseId ?? undefined) : undefined);
        }}
        options={(['enterprise', 'assessment'] as const).map((value) => ({ value, label: t.linkTypes[value] }))}
      />
      <Select<string>
        aria-label={t.linkRecord}
        placeholder={t.linkRecord}
        value={linkId}
        onChange={setLinkId}
        loading={earlier.isFetching}
        options={options}
        style={{ width: '100%' }}
      />
      <Button
        type="primary"
        block
        disabled={!linkId}
        loading={link.isPending}
        onClick={() => {
          if (!linkId) {
            return;
          }
          link
            .mutateAsync({ requirementCode, linkType, linkId })
            .then(() => {
              void message.success(t.linked);
              onDone();
            })
            .catch((error: unknown) => void message.error(errorMessage(error, common.networkError)));
        }}
      >
        {t.addLink}
      </Button>
    </Space>
  );
}

export interface EvidencePanelProps {
  assessmentId: string;
  requirementCode: string;
  items: AssessmentEvidence[];
  editable: boolean;
}

/** Uploaded files and linked records backing one requirement; uploads go straight to the server. */
export function EvidencePanel({ assessmentId, requirementCode, items, editable }: EvidencePanelProps) {
  const t = useAssessmentMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const upload = useUploadEvidence(assessmentId);
  const remove = useRemoveEvidence(assessmentId);
  const [linkOpen, setLinkOpen] = useState(false);
  const types = EXTENSIONS.join(' ');

  return (
    <div data-testid={`evidence-${requirementCode}`}>
      {items.length > 0 ? (
        <List<AssessmentEvidence>
          size="small"
          dataSource={items}
          style={{ marginBottom: 8 }}
          renderItem={(evidence) => {
            const target = linkTarget(evidence);
            return (
              <List.Item
                actions={
                  editable
                    ? [
                        <Popconfirm
                          key="remove"
                          title={t.removeEvidenceConfirm}
                          onConfirm={() =>
                            remove
                              .mutateAsync(evidence)
                              .catch((error: unknown) => void message.error(errorMessage(error, common.networkError)))
                          }
                        >
                          <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                            {t.removeEvidence}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                {evidence.kind === 'file' ? (
                  <Space>
                    <PaperClipOutlined />
                    <Typography.Link
                      onClick={() =>
                        void downloadEvidence(assessmentId, evidence).catch(
                          (error: unknown) => void message.error(errorMessage(error, common.networkError)),
                        )
                      }
                    >
                      {evidence.fileName}
                    </Typography.Link>
                    <Typography.Text type="secondary">{formatBytes(evidence.sizeBytes)}</Typography.Text>
                  </Space>
                ) : (
                  <Space>
                    <LinkOutlined />
                    {evidence.linkType ? (
                      <Typography.Text type="secondary">{t.linkTypes[evidence.linkType]}</Typography.Text>
                    ) : null}
                    {target ? <Link to={target}>{evidence.linkLabel ?? evidence.linkId}</Link> : evidence.linkLabel}
                  </Space>
                )}
              </List.Item>
            );
          }}
        />
      ) : null}
      {editable ? (
        <Flex gap={8} align="center" wrap>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple
            customRequest={({ file, onSuccess, onError }) => {
              if (!(file instanceof File)) {
                return;
              }
              upload
                .mutateAsync({ file, requirementCode })
                .then((created) => {
                  onSuccess?.(created);
                  void message.success(t.uploaded(file.name));
                })
                .catch((error: unknown) => {
                  onError?.(error instanceof Error ? error : new Error(String(error)));
                  void message.error(`${file.name}：${errorMessage(error, common.networkError)}`);
                });
            }}
            beforeUpload={(file) => {
              const name = file.name.toLowerCase();
              if (!EXTENSIONS.some((extension) => name.endsWith(extension))) {
                void message.error(`${file.name}：${t.badType(types)}`);
                return Upload.LIST_IGNORE;
              }
              if (file.size > EVIDENCE_LIMITS.maxBytes) {
                void message.error(`${file.name}：${t.tooLarge(MAX_MB)}`);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
              {t.upload}
            </Button>
          </Upload>
          <Popover
            trigger="click"
            open={linkOpen}
            onOpenChange={setLinkOpen}
            content={
              <LinkForm
                assessmentId={assessmentId}
                requirementCode={requirementCode}
                onDone={() => setLinkOpen(false)}
              />
            }
          >
            <Button size="small" icon={<LinkOutlined />}>
              {t.addLink}
            </Button>
          </Popover>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.uploadLimit(types, MAX_MB)}
          </Typography.Text>
        </Flex>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t.noEvidence}</Typography.Text>
      ) : null}
    </div>
  );
}
