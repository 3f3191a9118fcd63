import {
  CheckCircleFilled,
  CloseCircleFilled,
  DatabaseOutlined,
  DownloadOutlined,
  QuestionCircleFilled,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Input, Progress, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { formatBytes } from '../../../ui/format';
import {
  downloadMaterialFile,
  useApplicationActions,
  useUploadMaterial,
  type Application,
  type CriteriaItem,
  type Material,
} from '../hooks/use-designations';
import { useDesignationMessages } from '../messages';

type Facts = NonNullable<Material['facts']>;

/** What the platform already knows about a criterion, shown apart from what the applicant wrote. */
function PlatformRecord({ facts }: { facts: Facts }) {
  const t = useDesignationMessages();
  const icon =
    facts.met === true ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} />
    ) : facts.met === false ? (
      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
    ) : (
      <QuestionCircleFilled style={{ color: '#faad14' }} />
    );
  return (
    <div
      data-testid="platform-record"
      style={{
        background: '#f0f5ff',
        border: '1px solid #adc6ff',
        borderRadius: 6,
        padding: '8px 12px',
        marginBottom: 12,
      }}
    >
      <Flex gap={8} align="center" wrap>
        <Tag icon={<DatabaseOutlined />} color="blue">
          {t.platformRecord}
        </Tag>
        {icon}
        <Typography.Text strong>
          {facts.met === true ? t.factMet : facts.met === false ? t.factNotMet : t.factUnknown}
        </Typography.Text>
        <Typography.Text>{facts.summary}</Typography.Text>
      </Flex>
      {facts.details.length > 0 ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginTop: 8 }}
          items={facts.details.map((detail, index) => ({
            key: `${detail.label}-${index}`,
            label: detail.label,
            children: detail.value,
          }))}
        />
      ) : null}
    </div>
  );
}

interface MaterialCardProps {
  application: Application;
  item: CriteriaItem;
  material: Material | undefined;
  editable: boolean;
}

function MaterialCard({ application, item, material, editable }: MaterialCardProps) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const upload = useUploadMaterial(application.id);
  const [note, setNote] = useState(material?.note ?? '');
  const [progress, setProgress] = useState<number | null>(null);
  const dirty = note !== (material?.note ?? '');

  const saveNote = async () => {
    try {
      await actions.note.mutateAsync({ itemCode: item.code, note: note.trim() });
      void message.success(t.noteSaved);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };

  const sendFile = async (file: File) => {
    setProgress(0);
    try {
      await upload.mutateAsync({ itemCode: item.code, file, onProgress: setProgress });
      void message.success(t.uploaded);
    } catch (error) {
      void message.error(`${t.uploadFailed}${t.colon}${errorMessage(error, common.networkError)}`);
    } finally {
      setProgress(null);
    }
  };

  const file = material?.file ?? null;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`material-${item.code}`}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text code>{item.code}</Typography.Text>
          <span style={{ whiteSpace: 'normal' }}>{item.text}</span>
        </Flex>
      }
      extra={<Tag>{t.maxScore(item.maxScore)}</Tag>}
      style={{ marginBottom: 12 }}
    >
      {item.guidance ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t.guidance}
          {t.colon}
          {item.guidance}
        </Typography.Paragraph>
      ) : null}
      {material?.facts ? <PlatformRecord facts={material.facts} /> : null}
      {editable ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label={`${t.note} ${item.code}`}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t.notePlaceholder}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
          />
          <Flex gap={8} wrap align="center">
            <Button
              onClick={() => void saveNote()}
              disabled={!dirty}
              loading={actions.note.isPending && actions.note.variables?.itemCode === item.code}
            >
              {t.saveNote}
            </Button>
            <Upload
              showUploadList={false}
              maxCount={1}
              beforeUpload={(chosen) => {
                void sendFile(chosen);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={progress !== null}>
                {file ? t.replaceFile : t.upload}
              </Button>
            </Upload>
            {progress !== null ? <Progress percent={progress} size="small" style={{ width: 160 }} /> : null}
          </Flex>
        </Flex>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
          {material?.note ? material.note : <Typography.Text type="secondary">{t.noNote}</Typography.Text>}
        </Typography.Paragraph>
      )}
      <Flex gap={8} align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {t.attachment}
          {t.colon}
        </Typography.Text>
        {file ? (
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadMaterialFile(application.id, item.code, file.fileName).catch((error: unknown) =>
                message.error(errorMessage(error, common.networkError)),
              )
            }
          >
            {file.fileName}（{formatBytes(file.sizeBytes)}）
          </Button>
        ) : (
          <Typography.Text type="secondary">{t.noFile}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** The criteria groups with each item's material: platform record, note and attachment. */
export function ApplicationMaterials({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const editable = application.actions.includes('edit');
  const byCode = new Map(application.materials.map((m) => [m.itemCode, m]));
  return (
    <Card
      title={t.materials}
      extra={
        <Typography.Text type="secondary">
          {t.criteriaVersion}
          {t.colon}
          {application.criteria.version}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      {application.criteria.groups.map((group) => (
        <div key={group.code} style={{ marginBottom: 8 }}>
          <Typography.Title level={5}>
            {group.code} {group.title}（{t.maxScore(group.items.reduce((sum, item) => sum + item.maxScore, 0))}）
          </Typography.Title>
          {group.items.map((item) => (
            <MaterialCard
              key={`${item.code}-${byCode.get(item.code)?.updatedAt ?? ''}`}
              application={application}
              item={item}
              material={byCode.get(item.code)}
              editable={editable}
            />
          ))}
        </div>
      ))}
    </Card>
  );
}
