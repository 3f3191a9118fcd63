import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkReceipt,
  fromBase64,
  leafHash,
  parseCheckpointBody,
  parseSignedNote,
  verifyConsistency,
  verifyInclusion,
  type AttestationReceipt,
} from '@shangmi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatSignerKey,
  generateSigner,
  openCheckpoint,
  verifyNoteSignature,
} from '../src/modules/attestations/checkpoint';
import { monitorOnce } from '../src/modules/attestations/log-monitor';
import { verifyLog } from '../src/modules/attestations/log-verify';
import { sha256 } from '../src/modules/attestations/merkle';
import { createTestApp, regionId, type Session, type TestApp } from './helpers';

const ORIGIN = 'shangmi.test/attestations';
const MISSING = '00000000-0000-4000-8000-000000000000';
const fileHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Checks a receipt completely, the way `shangmi verify` and the public page do. */
function receiptHolds(receipt: AttestationReceipt, fileSha256: string, publicKey: string): boolean {
  const check = checkReceipt(sha256, receipt, fileSha256, publicKey);
  return (
    check.ok &&
    check.commitmentOpens &&
    check.signature !== null &&
    check.key !== null &&
    verifyNoteSignature(check.checkpointSignedText!, check.signature, check.key.publicKey)
  );
}

describe('attestation (存证) and the transparency log', () => {
  let t: TestApp;
  let dataDir: string;
  let entUser: Session;
  let entAdmin: Session;
  let entB: Session;
  let city: Session;
  let publicKey: string;
  const signer = generateSigner(ORIGIN);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-attest-'));
    t = await createTestApp({
      config: { dataDir, tlogOrigin: ORIGIN, tlogSigningKey: formatSignerKey(signer) },
    });
    entUser = await t.login('ent.a.user');
    entAdmin = await t.login('ent.a.admin');
    entB = await t.login('ent.b.admin');
    city = await t.login('city.admin');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes its verifier key and an empty signed checkpoint before any entry', async () => {
    const key = await t.app.inject({ method: 'GET', url: '/api/log/public-key' });
    expect(key.statusCode).toBe(200);
    expect(key.headers['content-type']).toContain('text/plain');
    publicKey = key.body.trim();
    expect(publicKey).toBe(signer.verifierKey);
    const res = await t.app.inject({ method: 'GET', url: '/api/log/checkpoint' });
    expect(res.statusCode).toBe(200);
    const checkpoint = openCheckpoint(res.body, publicKey);
    expect(checkpoint.origin).toBe(ORIGIN);
    expect(checkpoint.size).toBe(0);
    expect(Buffer.from(checkpoint.rootHash).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('answers an enterprise user with a receipt that verifies: entry, inclusion proof, signed checkpoint, commitment', async () => {
    const hash = fileHash('技术秘密：配方 v1');
    const res = await entUser.inject({
      method: 'POST',
      url: '/api/attestations',
      payload: { sha256: hash.toUpperCase(), label: '配方 v1.docx' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { attestation, receipt } = res.json<{
      attestation: { id: string; sha256: string; leafIndex: number };
      receipt: AttestationReceipt;
    }>();
    expect(attestation.sha256).toBe(hash);
    expect(receipt.leafIndex).toBe(0);
    expect(receipt.entry.sha256).toBe(hash);
    expect(receipt.attester.name).toBe('东阿示范阿胶股份有限公司');
    expect(receiptHolds(receipt, hash, publicKey)).toBe(true);
    // The public entry does not name the enterprise: its bytes hold no USCC.
    const entry = Buffer.from(fromBase64(receipt.entry.encoded));
    expect(entry.length).toBe(73);
    expect(entry.includes(Buffer.from(receipt.attester.subject))).toBe(false);
    // Another file does not pass for this one; a receipt with a changed entry does not verify.
    expect(receiptHolds(receipt, fileHash('别的文件'), publicKey)).toBe(false);
    const forged = { ...receipt, entry: { ...receipt.entry, timestampMs: receipt.entry.timestampMs - 86_400_000 } };
    const altered = Buffer.from(entry);
    altered[40] = altered[40]! ^ 1;
    forged.entry.encoded = altered.toString('base64');
    expect(receiptHolds(forged, hash, publicKey)).toBe(false);

    const detail = await entAdmin.get(`/api/attestations/${attestation.id}`);
    expect(detail.statusCode).toBe(200);
    expect(receiptHolds(detail.json().receipt, hash, publicKey)).toBe(true);
  });

  it('refuses a bad hash, a hash of the wrong length and a replayed request with a clear message, and writes nothing', async () => {
    const before = await t.db
      .selectFrom('log_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await entUser.post('/api/attestations', { sha256: 'z'.repeat(64) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toContain('十六进制');
    const short = await entUser.post('/api/attestations', { sha256: 'ab'.repeat(20) });
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toContain('应为 64 位十六进制字符，收到 40 位');
    const key = randomUUID();
    const first = await entUser.inject({
      method: 'POST',
      url: '/api/attestations',
      payload: { sha256: fileHash('a') },
      headers: { 'idempotency-key': key },
    });
    expect(first.statusCode).toBe(201);
    const replay = await entUser.inject({
      method: 'POST',
      url: '/api/attestations',
      payload: { sha256: fileHash('a') },
      headers: { 'idempotency-key': key },
    });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().detail).toContain('重复提交');
    // Two requests with one key at the same moment: one is recorded.
    const key2 = randomUUID();
    const both = await Promise.all(
      ['x', 'y'].map((s) =>
        entUser.inject({
          method: 'POST',
          url: '/api/attestations',
          payload: { sha256: fileHash(s) },
          headers: { 'idempotency-key': key2 },
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Another enterprise may use the same key.
    const other = await entB.inject({
      method: 'POST',
      url: '/api/attestations',
      payload: { sha256: fileHash('a') },
      headers: { 'idempotency-key': key },
    });
    expect(other.statusCode).toBe(201);
    const duplicate = await entUser.post('/api/attestations/batch', {
      items: [{ sha256: fileHash('d') }, { sha256: fileHash('d') }],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().detail).toContain('第 2 项与第 1 项是同一文件');
    const partlyBad = await entUser.post('/api/attestations/batch', {
      items: [{ sha256: fileHash('e') }, { sha256: 'abc' }],
    });
    expect(partlyBad.statusCode).toBe(400);
    expect(partlyBad.json().errors[0].field).toBe('items[1].sha256');
    const missingPoint = await entUser.post('/api/attestations', { sha256: fileHash('p'), secretPointId: MISSING });
    expect(missingPoint.statusCode).toBe(404);
    const after = await t.db
      .selectFrom('log_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Only the three accepted requests above were written.
    expect(Number(after.n) - Number(before.n)).toBe(3);
  });

  it('attests many files in one request, each with its own receipt in one checkpoint', async () => {
    const files = Array.from({ length: 25 }, (_, i) => `批量文件 ${i}`);
    const res = await entUser.post('/api/attestations/batch', {
      items: files.map((f, i) => ({ sha256: fileHash(f), label: `文件${i}.pdf` })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ treeSize: number; items: { receipt: AttestationReceipt }[] }>();
    expect(body.items).toHaveLength(25);
    const indexes = body.items.map((i) => i.receipt.leafIndex);
    expect(new Set(indexes).size).toBe(25);
    body.items.forEach((item, i) => {
      expect(receiptHolds(item.receipt, fileHash(files[i]!), publicKey)).toBe(true);
    });
  });

  it('integrates concurrent requests in shared batches, each answered after its checkpoint', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => entUser.post('/api/attestations', { sha256: fileHash(`并发 ${i}`) })),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const sizes = new Set(
      responses.map((r) => parseCheckpointBody(parseSignedNote(r.json().receipt.checkpoint).body).size),
    );
    // Fewer checkpoints than requests: they were batched.
    expect(sizes.size).toBeLessThan(40);
    for (const r of responses) {
      const { receipt } = r.json<{ receipt: AttestationReceipt }>();
      expect(receiptHolds(receipt, receipt.entry.sha256, publicKey)).toBe(true);
    }
  });

  it('serves inclusion and consistency proofs and bounded entry pages that check against the checkpoints', async () => {
    const note = (await t.app.inject({ method: 'GET', url: '/api/log/checkpoint' })).body;
    const latest = openCheckpoint(note, publicKey);
    expect(latest.size).toBeGreaterThan(60);
    const page = await t.app.inject({ method: 'GET', url: `/api/log/entries?start=0&end=${latest.size + 50}` });
    expect(page.statusCode).toBe(200);
    const entries = page.json<{ end: number; entries: { leafIndex: number; entry: string }[] }>();
    expect(entries.end).toBe(latest.size);
    expect(entries.entries).toHaveLength(latest.size);
    for (const { leafIndex, entry } of entries.entries) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/log/proof/inclusion?leafIndex=${leafIndex}&treeSize=${latest.size}`,
      });
      expect(res.statusCode).toBe(200);
      const proof = res.json<{ proof: string[] }>().proof.map(fromBase64);
      expect(
        verifyInclusion(sha256, leafIndex, latest.size, leafHash(sha256, fromBase64(entry)), proof, latest.rootHash),
      ).toBe(true);
    }
    // Every stored checkpoint is consistent with the latest one.
    const stored = await t.db.selectFrom('log_checkpoints').select(['tree_size', 'note']).execute();
    expect(stored.length).toBeGreaterThan(3);
    for (const row of stored) {
      const old = openCheckpoint(row.note, publicKey);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/log/proof/consistency?from=${old.size}&to=${latest.size}`,
      });
      expect(res.statusCode).toBe(200);
      const proof = res.json<{ proof: string[] }>().proof.map(fromBase64);
      expect(verifyConsistency(sha256, old.size, latest.size, old.rootHash, latest.rootHash, proof)).toBe(true);
    }
    const beyond = await t.app.inject({
      method: 'GET',
      url: `/api/log/proof/inclusion?leafIndex=0&treeSize=${latest.size + 1}`,
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().detail).toContain('treeSize 超出范围');
    const backwards = await t.app.inject({ method: 'GET', url: '/api/log/proof/consistency?from=5&to=2' });
    expect(backwards.statusCode).toBe(400);
    const tooFar = await t.app.inject({
      method: 'GET',
      url: `/api/log/entries?start=${latest.size}&end=${latest.size + 1}`,
    });
    expect(tooFar.statusCode).toBe(400);
  });

  it('keeps attestations to their enterprise: lists, detail, PDF, Excel; government roles have no access', async () => {
    const mine = await entUser.get('/api/attestations?pageSize=200');
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{ items: { id: string; label: string | null }[]; total: number }>();
    expect(items.total).toBeGreaterThan(60);
    const theirs = await entB.get('/api/attestations');
    expect(theirs.json().total).toBe(1);
    const foreign = await entB.get(`/api/attestations/${items.items[0]!.id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await entB.get(`/api/attestations/${items.items[0]!.id}/pdf`)).statusCode).toBe(404);
    expect((await city.get('/api/attestations')).statusCode).toBe(403);
    expect((await city.post('/api/attestations', { sha256: fileHash('c') })).statusCode).toBe(403);
    const searched = await entUser.get(`/api/attestations?q=${encodeURIComponent('文件1')}`);
    expect(searched.json().items.every((i: { label: string }) => i.label.includes('文件1'))).toBe(true);
    expect(searched.json().total).toBe(11); // 文件1, 文件10..文件19
    const byHash = await entUser.get(`/api/attestations?q=${fileHash('技术秘密：配方 v1').slice(0, 12)}`);
    expect(byHash.json().total).toBe(1);
    const pdf = await entUser.get(`/api/attestations/${items.items[0]!.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const receipt = await entUser.get(`/api/attestations/${items.items[0]!.id}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-disposition']).toContain('attachment');
    const xlsx = await entUser.get('/api/attestations/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Every attestation is audited.
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['attestation.create', 'attestation.create_batch'])
      .execute();
    expect(audits.length).toBeGreaterThan(40);
  });

  it('log verify recomputes the tree and catches an altered entry, node or attestation record', async () => {
    const intact = await verifyLog(t.db, publicKey);
    expect(intact.problems).toEqual([]);
    expect(intact.ok).toBe(true);
    expect(intact.checkpoints).toBeGreaterThan(3);
    const original = await t.db
      .selectFrom('log_entries')
      .select('entry')
      .where('leaf_index', '=', 2)
      .executeTakeFirstOrThrow();
    const bytes = Buffer.from(original.entry, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    await t.db
      .updateTable('log_entries')
      .set({ entry: bytes.toString('base64') })
      .where('leaf_index', '=', 2)
      .execute();
    const altered = await verifyLog(t.db, publicKey);
    expect(altered.ok).toBe(false);
    expect(altered.problems.join('\n')).toContain('日志历史被改写');
    await t.db.updateTable('log_entries').set({ entry: original.entry }).where('leaf_index', '=', 2).execute();

    const node = await t.db
      .selectFrom('log_nodes')
      .select(['node_key', 'hash'])
      .where('node_key', '=', 2 ** 40)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('log_nodes')
      .set({ hash: '00'.repeat(32) })
      .where('node_key', '=', node.node_key)
      .execute();
    expect((await verifyLog(t.db, publicKey)).problems.join('\n')).toContain('节点哈希');
    await t.db.updateTable('log_nodes').set({ hash: node.hash }).where('node_key', '=', node.node_key).execute();

    const row = await t.db
      .selectFrom('attestations')
      .select(['id', 'sha256'])
      .where('leaf_index', '=', 0)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('attestations')
      .set({ sha256: 'ff'.repeat(32) })
      .where('id', '=', row.id)
      .execute();
    expect((await verifyLog(t.db, publicKey)).problems.join('\n')).toContain(`存证 ${row.id}`);
    await t.db.updateTable('attestations').set({ sha256: row.sha256 }).where('id', '=', row.id).execute();

    const other = generateSigner(ORIGIN);
    expect((await verifyLog(t.db, other.verifierKey)).problems.join('\n')).toContain('签名无法用公钥');
    expect((await verifyLog(t.db, publicKey)).ok).toBe(true);
  });

  it('log monitor follows the checkpoints with consistency proofs and reports a fork', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const first = await monitorOnce(address, publicKey, null);
    expect(first.event.kind).toBe('first');
    const unchanged = await monitorOnce(address, publicKey, first.state);
    expect(unchanged.event.kind).toBe('unchanged');
    await entUser.post('/api/attestations', { sha256: fileHash('monitor') });
    const grown = await monitorOnce(address, publicKey, first.state);
    expect(grown.event.kind).toBe('consistent');
    // A different history at a size the monitor saw: the same size with another root, or a tree that
    // does not extend what it saw.
    const state = grown.state!;
    const sameSizeOtherRoot = { ...state, rootHash: Buffer.alloc(32, 7).toString('base64') };
    expect((await monitorOnce(address, publicKey, sameSizeOtherRoot)).event.kind).toBe('fork');
    const smallerOtherRoot = { ...state, size: state.size - 1, rootHash: Buffer.alloc(32, 9).toString('base64') };
    const fork = await monitorOnce(address, publicKey, smallerOtherRoot);
    expect(fork.event.kind).toBe('fork');
    expect(fork.event.message).toContain('分叉');
    const rolledBack = { ...state, size: state.size + 5 };
    expect((await monitorOnce(address, publicKey, rolledBack)).event.kind).toBe('fork');
    // A checkpoint signed by another key is not accepted.
    expect((await monitorOnce(address, generateSigner(ORIGIN).verifierKey, null)).event.kind).toBe('error');
  });

  it('lets an enterprise give its attestations as evidence in its self-assessment', async () => {
    const standardVersionId = await publishSmallStandard(t);
    const donge = await regionId(t.db, '371524');
    const campaign = await city.post('/api/campaigns', {
      name: '存证证据测试',
      standardVersionId,
      criteria: { regionIds: [donge], industries: ['ejiao_tcm'] },
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const assessmentId = (await entUser.get('/api/assessments')).json().items[0].id as string;
    const mine = (await entUser.get('/api/attestations?pageSize=1')).json().items[0].id as string;
    const theirs = (await entB.get('/api/attestations')).json().items[0].id as string;
    const url = `/api/assessments/${assessmentId}/attestation-evidence`;
    const added = await entUser.post(url, { requirementCode: 'R1', attestationId: mine });
    expect(added.statusCode, added.body).toBe(201);
    expect((await entUser.post(url, { requirementCode: 'R1', attestationId: mine })).statusCode).toBe(409);
    expect((await entUser.post(url, { requirementCode: 'R1', attestationId: theirs })).statusCode).toBe(404);
    expect((await entUser.post(url, { requirementCode: 'NOPE', attestationId: mine })).statusCode).toBe(404);
    // Ent B cannot see A's assessment; the reviewing station can read the evidence.
    expect((await entB.get(url)).statusCode).toBe(404);
    const station = await t.login('station.donge');
    const seen = await station.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items[0].attestation.id).toBe(mine);
    expect(seen.json().editable).toBe(false);
    const removed = await entUser.inject({ method: 'DELETE', url: `${url}/${added.json().id}` });
    expect(removed.statusCode).toBe(204);
    expect((await entUser.get(url)).json().items).toHaveLength(0);
  });
});

async function publishSmallStandard(t: TestApp): Promise<string> {
  const at = new Date().toISOString();
  const frameworkId = randomUUID();
  const versionId = randomUUID();
  const requirement = (code: string) => ({
    code,
    text: `要求 ${code}`,
    guidance: `建议 ${code}`,
    evidence: `证据 ${code}`,
    weight: 10,
    mandatory: false,
    industries: [],
  });
  await t.db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      code: 'TEST-ATTEST',
      kind: 'standard',
      name: '存证测试标准',
      industry_code: null,
      description: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await t.db
    .insertInto('framework_versions')
    .values({
      id: versionId,
      framework_id: frameworkId,
      version: '1.0',
      status: 'published',
      base_version_id: null,
      template: 0,
      content: JSON.stringify({
        passScore: 60,
        chapters: [
          {
            code: '1',
            title: '管理',
            clauses: [{ code: '1.1', title: '存证', requirements: [requirement('R1'), requirement('R2')] }],
          },
        ],
      }),
      requirement_count: 2,
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return versionId;
}
