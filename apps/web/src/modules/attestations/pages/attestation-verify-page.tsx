import { CheckCircleFilled, CloseCircleFilled, InboxOutlined } from '@ant-design/icons';
import { RECEIPT_FORMAT, toBase64, type AttestationReceipt } from '@shangmi/shared';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Progress, Row, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../../ui/format';
import { LanguageSwitch } from '../../../ui/language-switch';
import { useAttestationMessages } from '../messages';
import {
  checkAgainstCurrent,
  hashFile,
  loadSha256,
  verifyReceipt,
  type BrowserReceiptCheck,
  type ConsistencyCheck,
} from '../tlog-browser';

interface Outcome {
  fileSha256: string;
  receipt: AttestationReceipt;
  check: BrowserReceiptCheck;
  keySource: 'log' | 'receipt';
  verifierKey: string;
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) {
    throw new Error(`HTTP ${res.status}`);
  }
  return res.text();
}

/** Without a receipt (a QR code's link): the entry, the current checkpoint and a fresh proof from the public log. */
async function receiptFromLog(leaf: number, verifierKey: string): Promise<AttestationReceipt> {
  const note = await fetchText('/api/log/checkpoint');
  const size = Number(note.split('\n')[1]);
  const entries = (await (await fetch(`/api/log/entries?start=${leaf}&end=${leaf + 1}`)).json()) as {
    entries: { entry: string; sha256: string; loggedAt: string; commitment: string }[];
  };
  const entry = entries.entries[0];
  if (!entry) {
    throw new Error(`日志中没有第 ${leaf} 条条目`);
  }
  const proof = (await (await fetch(`/api/log/proof/inclusion?leafIndex=${leaf}&treeSize=${size}`)).json()) as {
    proof: string[];
  };
  return {
    format: RECEIPT_FORMAT,
    entry: {
      encoded: entry.entry,
      sha256: entry.sha256,
      loggedAt: entry.loggedAt,
      timestampMs: Date.parse(entry.loggedAt),
      commitment: entry.commitment,
    },
    leafIndex: leaf,
    checkpoint: note,
    inclusionProof: proof.proof,
    publicKey: verifierKey,
    attester: { subject: '', salt: '', name: '' },
    verifyUrl: window.location.href,
  };
}

/**
 * The public verification page: anyone drops the original file and its receipt; this browser hashes the
 * file and checks the entry, the inclusion proof and the checkpoint signature, then checks that the log's
 * current checkpoint is consistent with the receipt's. Nothing is uploaded.
 */
export function AttestationVerifyPage() {
  const t = useAttestationMessages();
  const [params] = useSearchParams();
  const leafParam = params.get('leaf');
  const leaf = leafParam !== null && /^\d+$/.test(leafParam) ? Number(leafParam) : null;
  const [file, setFile] = useState<File | null>(null);
  const [receipt, setReceipt] = useState<AttestationReceipt | null>(null);
  const [receiptError, setReceiptError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [consistency, setConsistency] = useState<ConsistencyCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const readReceipt = async (chosen: File) => {
    setReceiptError(null);
    try {
      const parsed = JSON.parse(await chosen.text()) as AttestationReceipt;
      if ((parsed.format as string) !== RECEIPT_FORMAT) {
        throw new Error('format');
      }
      setReceipt(parsed);
    } catch {
      setReceipt(null);
      setReceiptError('不是有效的存证回执 JSON');
    }
  };

  const run = async () => {
    if (!file) {
      return;
    }
    setRunning(true);
    setError(null);
    setOutcome(null);
    setConsistency(null);
    try {
      const sha256 = await loadSha256();
      setProgress(0);
      const fileSha256 = await hashFile(file, (f) => setProgress(Math.round(f * 100)));
      let verifierKey: string;
      let keySource: Outcome['keySource'] = 'log';
      try {
        verifierKey = (await fetchText('/api/log/public-key')).trim();
      } catch {
        if (!receipt) {
          throw new Error('无法获取日志公钥');
        }
        verifierKey = receipt.publicKey;
        keySource = 'receipt';
      }
      const used = receipt ?? (leaf !== null ? await receiptFromLog(leaf, verifierKey) : null);
      if (!used) {
        throw new Error('请选择存证回执 JSON');
      }
      const check = await verifyReceipt(sha256, used, fileSha256, verifierKey);
      setOutcome({ fileSha256, receipt: used, check, keySource, verifierKey });
      if (check.ok && check.checkpoint) {
        setConsistency(await checkAgainstCurrent(sha256, check.checkpoint, verifierKey));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f7fa', padding: '32px 16px' }}>
      <div style={{ width: '100%', maxWidth: 860 }}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t.verifyTitle}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t.verifySubtitle}</Typography.Paragraph>
        {leaf !== null && !receipt ? (
          <Alert type="info" showIcon title={`${t.fromLink}（#${leaf}）`} style={{ marginBottom: 12 }} />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Card size="small" title={t.verifyFile} data-testid="verify-file">
              <Upload.Dragger
                showUploadList={false}
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  setOutcome(null);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{file ? file.name : t.chooseFile}</p>
              </Upload.Dragger>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t.verifyReceipt} data-testid="verify-receipt">
              <Upload.Dragger
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(chosen) => {
                  void readReceipt(chosen);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">
                  {receipt ? `#${receipt.leafIndex} · ${receipt.entry.sha256.slice(0, 12)}…` : t.chooseFile}
                </p>
              </Upload.Dragger>
              {receiptError ? <Alert type="error" title={receiptError} style={{ marginTop: 8 }} /> : null}
            </Card>
          </Col>
        </Row>
        <Flex justify="center" style={{ margin: '16px 0' }}>
          <Button
            type="primary"
            size="large"
            disabled={!file || (!receipt && leaf === null)}
            loading={running}
            onClick={() => void run()}
            data-testid="verify-run"
          >
            {t.verifyButton}
          </Button>
        </Flex>
        {progress !== null && progress < 100 ? <Progress percent={progress} /> : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {outcome ? (
          <Card data-testid="verify-outcome" data-ok={outcome.check.ok ? 'true' : 'false'}>
            <Flex vertical align="center" gap={4} style={{ marginBottom: 16 }}>
              <span style={{ fontSize: 48, color: outcome.check.ok ? '#389e0d' : '#cf1322' }}>
                {outcome.check.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
              </span>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {outcome.check.ok ? t.verifiedOk : t.verifiedFail}
              </Typography.Title>
            </Flex>
            {outcome.check.ok ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  {
                    key: 'file',
                    label: 'SHA-256',
                    children: <Typography.Text code>{outcome.fileSha256}</Typography.Text>,
                  },
                  {
                    key: 'time',
                    label: '存证时间',
                    children: outcome.check.timestampMs
                      ? `${formatDateTime(new Date(outcome.check.timestampMs).toISOString())}（${new Date(outcome.check.timestampMs).toISOString()}）`
                      : '—',
                  },
                  { key: 'leaf', label: '日志序号', children: `#${outcome.receipt.leafIndex}` },
                  {
                    key: 'cp',
                    label: '检查点',
                    children: outcome.check.checkpoint
                      ? `${outcome.check.checkpoint.origin}，大小 ${outcome.check.checkpoint.size}，根哈希 ${toBase64(outcome.check.checkpoint.rootHash)}`
                      : '—',
                  },
                  {
                    key: 'who',
                    label: '存证企业',
                    children: outcome.check.commitmentOpens
                      ? `${outcome.receipt.attester.name}（统一社会信用代码 ${outcome.receipt.attester.subject}，由条目中的承诺证明）`
                      : '日志不公开存证企业（未提供可打开承诺的回执）',
                  },
                  {
                    key: 'key',
                    label: '公钥',
                    children: `${outcome.keySource === 'log' ? '日志公布的公钥' : '回执中嵌入的公钥（无法获取日志公钥）'}：${outcome.verifierKey}`,
                  },
                ]}
              />
            ) : (
              <List
                size="small"
                dataSource={outcome.check.failures}
                renderItem={(line) => (
                  <List.Item>
                    <Typography.Text type="danger">{line}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        ) : null}
        {consistency ? (
          <Alert
            style={{ marginTop: 16 }}
            type={consistency.ok ? 'success' : 'error'}
            showIcon
            title={t.consistencyTitle}
            description={consistency.message}
            data-testid="verify-consistency"
          />
        ) : null}
      </div>
    </Flex>
  );
}
