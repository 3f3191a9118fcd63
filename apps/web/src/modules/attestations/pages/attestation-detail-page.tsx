import { FilePdfOutlined, FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { parseCheckpointBody, parseSignedNote, toBase64 } from '@shangmi/shared';
import { App, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime, orDash } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { downloadReceiptJson, downloadReceiptPdf, useAttestation } from '../hooks/use-attestations';
import { useAttestationMessages } from '../messages';

export function AttestationDetailPage() {
  const t = useAttestationMessages();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const detail = useAttestation(id);
  if (detail.isError) {
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (!detail.data) {
    return <Skeleton active />;
  }
  const { attestation, receipt } = detail.data;
  const checkpoint = parseCheckpointBody(parseSignedNote(receipt.checkpoint).body);
  const failed = (error: unknown) => message.error(isApiError(error) ? (error.detail ?? error.title) : String(error));
  const verifyPath = `/verify/attestation?leaf=${receipt.leafIndex}&sha256=${attestation.sha256}`;
  return (
    <>
      <PageHeader
        title={`${t.detailTitle} #${orDash(attestation.leafIndex)}`}
        crumbs={[{ title: t.listTitle, to: '/attestations' }, { title: orDash(attestation.label) }]}
        extra={
          <Space wrap>
            <Button icon={<FileTextOutlined />} onClick={() => void downloadReceiptJson(attestation).catch(failed)}>
              {t.receiptJson}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => void downloadReceiptPdf(attestation).catch(failed)}>
              {t.receiptPdf}
            </Button>
            <Link to={verifyPath}>
              <Button type="primary" icon={<SafetyCertificateOutlined />}>
                {t.verifyHere}
              </Button>
            </Link>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={1}
          bordered
          size="small"
          data-testid="attestation-detail"
          items={[
            { key: 'label', label: t.label, children: orDash(attestation.label) },
            {
              key: 'sha256',
              label: t.sha256,
              children: (
                <Typography.Text code copyable>
                  {attestation.sha256}
                </Typography.Text>
              ),
            },
            { key: 'leaf', label: t.leafIndex, children: `#${receipt.leafIndex}` },
            {
              key: 'at',
              label: t.loggedAt,
              children: `${formatDateTime(attestation.loggedAt)}（${attestation.loggedAt}）`,
            },
            { key: 'by', label: t.createdBy, children: attestation.createdByName },
            ...(attestation.secretPointId
              ? [
                  {
                    key: 'point',
                    label: t.secretPoint,
                    children: <Link to={`/secrets/points/${attestation.secretPointId}`}>{t.secretPoint}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t.receipt}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'origin', label: t.checkpoint, children: checkpoint.origin },
            { key: 'size', label: t.treeSize, children: checkpoint.size },
            {
              key: 'root',
              label: t.rootHash,
              children: <Typography.Text code>{toBase64(checkpoint.rootHash)}</Typography.Text>,
            },
            {
              key: 'key',
              label: t.publicKey,
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {receipt.publicKey}
                </Typography.Text>
              ),
            },
            { key: 'proof', label: t.inclusionProof, children: `${receipt.inclusionProof.length} 个哈希` },
          ]}
        />
        <Typography.Paragraph>
          <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{receipt.checkpoint}</pre>
        </Typography.Paragraph>
      </Card>
    </>
  );
}
