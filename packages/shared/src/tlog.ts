/**
 * The transparency log's pure logic, shared by the server, the offline verifier (`shangmi verify`) and
 * the browser's verification page: RFC 6962 / RFC 9162 Merkle tree hashing, proofs and their
 * verification, the canonical attestation entry, and C2SP signed-note checkpoints.
 *
 * No I/O and no platform API: SHA-256 is passed in (`Sha256`, synchronous: Node's crypto on the server,
 * hash-wasm in the browser), Ed25519 signatures are checked by the caller. Tree sizes and indexes are
 * JavaScript numbers (exact up to 2^53), so bit operations are written as arithmetic.
 */

/** A synchronous SHA-256 of the concatenation of its arguments. */
export type Sha256 = (...parts: Uint8Array[]) => Uint8Array;

export const TLOG_HASH_SIZE = 32;
const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

// ---------------------------------------------------------------------------------------------------
// Bytes

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
}

/** Lower- or upper-case hex to bytes; throws on anything else. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error('invalid hex');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

/** Standard base64 with padding (RFC 4648 §4), as signed notes use. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** Strict standard base64 (padding required, no whitespace); throws on anything else. */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new Error('invalid base64');
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (B64.indexOf(text[i]!) << 18) |
      (B64.indexOf(text[i + 1]!) << 12) |
      ((text[i + 2] === '=' ? 0 : B64.indexOf(text[i + 2]!)) << 6) |
      (text[i + 3] === '=' ? 0 : B64.indexOf(text[i + 3]!));
    for (const byte of [(n >> 16) & 255, (n >> 8) & 255, n & 255]) {
      if (o < out.length) {
        out[o++] = byte;
      }
    }
  }
  if (toBase64(out) !== text) {
    throw new Error('non-canonical base64');
  }
  return out;
}

/** UTF-8 bytes of a string (TextEncoder is not in every runtime this file is typed for). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
    } else if (cp < 0x800) {
      out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    } else {
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
  return new Uint8Array(out);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= a[i]! ^ b[i]!;
  }
  return diff === 0;
}

// ---------------------------------------------------------------------------------------------------
// RFC 6962 / RFC 9162 §2.1 hashing

/** The hash of a leaf: SHA-256(0x00 ‖ entry). */
export const leafHash = (sha256: Sha256, entry: Uint8Array): Uint8Array => sha256(LEAF_PREFIX, entry);

/** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (sha256: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array =>
  sha256(NODE_PREFIX, left, right);

/** The root of the empty tree: SHA-256 of the empty string. */
export const emptyRoot = (sha256: Sha256): Uint8Array => sha256();

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) {
    k *= 2;
  }
  return k === n;
}

/** The largest power of two strictly less than n (n ≥ 2). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

/** The Merkle tree hash of a list of leaf hashes (RFC 6962 MTH), computed in memory. */
export function rootFromLeafHashes(sha256: Sha256, leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) {
    return emptyRoot(sha256);
  }
  const range = new CompactRange(sha256);
  for (const leaf of leaves) {
    range.append(leaf);
  }
  return range.root();
}

/**
 * A node of the tree that covers a whole power-of-two block of leaves: `level` L, `index` i covers
 * leaves [i·2^L, (i+1)·2^L). Only such perfect subtrees are stored; every other hash is derived.
 */
export interface PerfectNode {
  level: number;
  index: number;
}

/**
 * The growing right edge of a tree (the hashes of its maximal perfect subtrees, left to right): enough
 * to append leaves and compute the root without reading the rest of the tree.
 */
export class CompactRange {
  private readonly sha256: Sha256;
  private readonly hashes: Uint8Array[];
  private count: number;

  constructor(sha256: Sha256, size = 0, hashes: Uint8Array[] = []) {
    if (hashes.length !== frontierNodes(size).length) {
      throw new Error('compact range does not match the tree size');
    }
    this.sha256 = sha256;
    this.count = size;
    this.hashes = [...hashes];
  }

  get size(): number {
    return this.count;
  }

  /** An independent copy (the log appends to a copy and keeps it only once the batch is committed). */
  clone(): CompactRange {
    return new CompactRange(this.sha256, this.count, this.hashes);
  }

  /** Appends a leaf hash; calls `onNode` for the leaf and for every perfect subtree it completes. */
  append(leaf: Uint8Array, onNode?: (node: PerfectNode, hash: Uint8Array) => void): void {
    let hash = leaf;
    let index = this.count;
    let level = 0;
    onNode?.({ level, index }, hash);
    while (index % 2 === 1) {
      const left = this.hashes.pop()!;
      hash = nodeHash(this.sha256, left, hash);
      index = (index - 1) / 2;
      level += 1;
      onNode?.({ level, index }, hash);
    }
    this.hashes.push(hash);
    this.count += 1;
  }

  root(): Uint8Array {
    if (this.hashes.length === 0) {
      return emptyRoot(this.sha256);
    }
    let root = this.hashes[this.hashes.length - 1]!;
    for (let i = this.hashes.length - 2; i >= 0; i--) {
      root = nodeHash(this.sha256, this.hashes[i]!, root);
    }
    return root;
  }
}

/** The perfect subtrees whose hashes make up the compact range of a tree of `size` leaves, left to right. */
export function frontierNodes(size: number): PerfectNode[] {
  const nodes: PerfectNode[] = [];
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level--) {
    const block = 2 ** level;
    if (Math.floor(size / block) % 2 === 1) {
      nodes.push({ level, index: Math.floor(size / block) - 1 });
    }
  }
  return nodes;
}

/** A range [start, end) of leaves whose Merkle tree hash a proof contains. */
export interface LeafRange {
  start: number;
  end: number;
}

/** RFC 6962 §2.1.1 PATH(m, D[n]): the ranges whose hashes form the inclusion proof, leaf upward. */
export function inclusionProofRanges(leafIndex: number, treeSize: number): LeafRange[] {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) {
    throw new RangeError('leaf index outside the tree');
  }
  const out: LeafRange[] = [];
  const walk = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n <= 1) {
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      walk(m, start, start + k);
      out.push({ start: start + k, end });
    } else {
      walk(m - k, start + k, end);
      out.push({ start, end: start + k });
    }
  };
  walk(leafIndex, 0, treeSize);
  return out;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): the ranges whose hashes form the consistency proof (0 < m ≤ n). */
export function consistencyProofRanges(first: number, second: number): LeafRange[] {
  if (!(first >= 0 && first <= second)) {
    throw new RangeError('first tree size must not exceed the second');
  }
  if (first === 0 || first === second) {
    return [];
  }
  const out: LeafRange[] = [];
  const sub = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) {
        out.push({ start, end });
      }
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      sub(m, start, start + k, whole);
      out.push({ start: start + k, end });
    } else {
      sub(m - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  sub(first, 0, second, true);
  return out;
}

/** The perfect subtrees a range's hash is made of (RFC 6962 splits: the left part is always perfect). */
export function rangeNodes(range: LeafRange): PerfectNode[] {
  const nodes: PerfectNode[] = [];
  let { start } = range;
  const { end } = range;
  while (start < end) {
    const n = end - start;
    const size = isPowerOfTwo(n) ? n : largestPowerOfTwoBelow(n);
    nodes.push({ level: Math.round(Math.log2(size)), index: start / size });
    start += size;
  }
  return nodes;
}

/** The hash of a range from the hashes of its perfect subtrees (as `rangeNodes` lists them). */
export function rangeHash(sha256: Sha256, range: LeafRange, node: (n: PerfectNode) => Uint8Array): Uint8Array {
  const parts = rangeNodes(range).map(node);
  if (parts.length === 0) {
    return emptyRoot(sha256);
  }
  let hash = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) {
    hash = nodeHash(sha256, parts[i]!, hash);
  }
  return hash;
}

/** The number that keys a perfect node in storage: level · 2^40 + index (trees up to 2^40 leaves). */
export const nodeKey = (node: PerfectNode): number => node.level * 2 ** 40 + node.index;

// ---------------------------------------------------------------------------------------------------
// RFC 9162 §2.1.3.2 and §2.1.4.2 verification

/** The root an inclusion proof leads to from a leaf hash, or null when the proof has the wrong shape. */
export function rootFromInclusionProof(
  sha256: Sha256,
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!(Number.isSafeInteger(leafIndex) && Number.isSafeInteger(treeSize) && leafIndex >= 0 && leafIndex < treeSize)) {
    return null;
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) {
      return null;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sha256, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(sha256, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  sha256: Sha256,
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(sha256, leafIndex, treeSize, leaf, proof);
  return computed !== null && bytesEqual(computed, root);
}

/** Whether the tree of `second` leaves with `secondRoot` extends the tree of `first` leaves with `firstRoot`. */
export function verifyConsistency(
  sha256: Sha256,
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 0 && first <= second)) {
    return false;
  }
  if (first === second) {
    return proof.length === 0 && bytesEqual(firstRoot, secondRoot);
  }
  if (first === 0) {
    // Every tree extends the empty one.
    return proof.length === 0;
  }
  if (proof.length === 0) {
    return false;
  }
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(sha256, c, fr);
      sr = nodeHash(sha256, c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sha256, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, firstRoot) && bytesEqual(sr, secondRoot);
}

// ---------------------------------------------------------------------------------------------------
// The attestation entry (docs/transparency-log.md)

export const ENTRY_VERSION = 1;
export const ENTRY_SIZE = 1 + 32 + 8 + 32;
const COMMITMENT_DOMAIN = utf8('shangmi/attestation-commitment/v1');

export interface AttestationEntry {
  /** The file's SHA-256. */
  fileSha256: Uint8Array;
  /** When the log integrated the entry, milliseconds since 1970-01-01T00:00:00Z. */
  timestampMs: number;
  /** SHA-256(domain ‖ 0x00 ‖ salt ‖ UTF-8 subject): who attested, hidden unless they reveal salt and subject. */
  commitment: Uint8Array;
}

/** The salted commitment to the attesting enterprise (subject: its unified social credit code). */
export function enterpriseCommitment(sha256: Sha256, salt: Uint8Array, subject: string): Uint8Array {
  return sha256(COMMITMENT_DOMAIN, new Uint8Array([0]), salt, utf8(subject));
}

/** version (1 byte) ‖ file SHA-256 (32) ‖ timestamp ms (uint64 big-endian) ‖ commitment (32): 73 bytes. */
export function encodeEntry(entry: AttestationEntry): Uint8Array {
  if (entry.fileSha256.length !== 32 || entry.commitment.length !== 32) {
    throw new Error('entry hashes must be 32 bytes');
  }
  if (!Number.isSafeInteger(entry.timestampMs) || entry.timestampMs < 0) {
    throw new Error('entry timestamp out of range');
  }
  const out = new Uint8Array(ENTRY_SIZE);
  out[0] = ENTRY_VERSION;
  out.set(entry.fileSha256, 1);
  let t = entry.timestampMs;
  for (let i = 40; i >= 33; i--) {
    out[i] = t % 256;
    t = Math.floor(t / 256);
  }
  out.set(entry.commitment, 41);
  return out;
}

export function decodeEntry(bytes: Uint8Array): AttestationEntry {
  if (bytes.length !== ENTRY_SIZE || bytes[0] !== ENTRY_VERSION) {
    throw new Error('not a version 1 attestation entry');
  }
  let t = 0;
  for (let i = 33; i <= 40; i++) {
    t = t * 256 + bytes[i]!;
  }
  return { fileSha256: bytes.slice(1, 33), timestampMs: t, commitment: bytes.slice(41, 73) };
}

// ---------------------------------------------------------------------------------------------------
// C2SP signed notes and tlog-checkpoint

/** Signature type of Ed25519 in signed notes. */
const ED25519_TYPE = 0x01;
export const NOTE_SIGNATURE_PREFIX = '\u2014 ';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Extension lines after the root hash, if any (kept, never interpreted). */
  extensions: string[];
}

/** The checkpoint's note body: origin, size, base64 root hash (and extensions), each ending in a newline. */
export function formatCheckpointBody(checkpoint: Checkpoint): string {
  return [checkpoint.origin, String(checkpoint.size), toBase64(checkpoint.rootHash), ...checkpoint.extensions]
    .map((line) => `${line}\n`)
    .join('');
}

export function parseCheckpointBody(body: string): Checkpoint {
  const lines = body.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') {
    throw new Error('checkpoint body must be at least three lines, each ending in a newline');
  }
  const [origin, sizeText, rootText, ...rest] = lines.slice(0, -1);
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(sizeText ?? '')) {
    throw new Error('checkpoint origin or size is malformed');
  }
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) {
    throw new Error('checkpoint size too large');
  }
  const rootHash = fromBase64(rootText ?? '');
  if (rootHash.length !== TLOG_HASH_SIZE) {
    throw new Error('checkpoint root hash must be 32 bytes');
  }
  if (rest.some((line) => line === '')) {
    throw new Error('checkpoint has an empty extension line');
  }
  return { origin, size, rootHash, extensions: rest };
}

/** Key ID per the signed-note spec: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0:4]. */
export function noteKeyHash(sha256: Sha256, name: string, publicKey: Uint8Array): Uint8Array {
  return sha256(utf8(name), new Uint8Array([0x0a, ED25519_TYPE]), publicKey).slice(0, 4);
}

export interface NoteVerifierKey {
  name: string;
  keyHash: Uint8Array;
  publicKey: Uint8Array;
}

/** `<name>+<8 hex digits of key hash>+<base64(0x01 ‖ public key)>`. */
export function formatVerifierKey(sha256: Sha256, name: string, publicKey: Uint8Array): string {
  const typed = new Uint8Array(33);
  typed[0] = ED25519_TYPE;
  typed.set(publicKey, 1);
  return `${name}+${toHex(noteKeyHash(sha256, name, publicKey))}+${toBase64(typed)}`;
}

export function parseVerifierKey(sha256: Sha256, text: string): NoteVerifierKey {
  // The base64 key may itself contain '+': split at the first two only.
  const [name, hashHex, ...keyParts] = text.trim().split('+');
  const keyText = keyParts.join('+');
  if (name === undefined || hashHex === undefined || keyText === '') {
    throw new Error('verifier key must be name+hash+key');
  }
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hashHex)) {
    throw new Error('verifier key name or hash is malformed');
  }
  const typed = fromBase64(keyText);
  if (typed.length !== 33 || typed[0] !== ED25519_TYPE) {
    throw new Error('verifier key is not an Ed25519 key');
  }
  const publicKey = typed.slice(1);
  const keyHash = fromHex(hashHex);
  if (!bytesEqual(keyHash, noteKeyHash(sha256, name, publicKey))) {
    throw new Error('verifier key hash does not match the key');
  }
  return { name, keyHash, publicKey };
}

/** Key names are non-empty and contain no whitespace and no plus sign. */
export const isValidKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/.test(name);

export interface NoteSignature {
  name: string;
  keyHash: Uint8Array;
  signature: Uint8Array;
}

export interface SignedNote {
  /** The text that was signed (ends with a newline). */
  body: string;
  signatures: NoteSignature[];
}

/** Splits a signed note into its text and signature lines (`— name base64(keyhash ‖ signature)`). */
export function parseSignedNote(note: string): SignedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    throw new Error('a signed note is text, a blank line and signature lines, each ending in a newline');
  }
  const body = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(NOTE_SIGNATURE_PREFIX)) {
      throw new Error('malformed signature line');
    }
    const [name, value, extra] = line.slice(NOTE_SIGNATURE_PREFIX.length).split(' ');
    if (!name || !value || extra !== undefined || !isValidKeyName(name)) {
      throw new Error('malformed signature line');
    }
    const bytes = fromBase64(value);
    if (bytes.length < 5) {
      throw new Error('signature too short');
    }
    signatures.push({ name, keyHash: bytes.slice(0, 4), signature: bytes.slice(4) });
  }
  if (signatures.length === 0) {
    throw new Error('note has no signature');
  }
  return { body, signatures };
}

/** One signature line for a note signed with an Ed25519 key. */
export function formatSignatureLine(name: string, keyHash: Uint8Array, signature: Uint8Array): string {
  const bytes = new Uint8Array(keyHash.length + signature.length);
  bytes.set(keyHash, 0);
  bytes.set(signature, keyHash.length);
  return `${NOTE_SIGNATURE_PREFIX}${name} ${toBase64(bytes)}\n`;
}

/** The signature by the given key in a note, if there is one. */
export function signatureFor(note: SignedNote, key: NoteVerifierKey): NoteSignature | undefined {
  return note.signatures.find((s) => s.name === key.name && bytesEqual(s.keyHash, key.keyHash));
}

// ---------------------------------------------------------------------------------------------------
// Receipts

export const RECEIPT_FORMAT = 'shangmi-attestation-receipt/v1';

/** What an attester keeps and shows: enough to verify offline against the log's public key. */
export interface AttestationReceipt {
  format: typeof RECEIPT_FORMAT;
  /** The canonical entry, base64, and its fields for reading. */
  entry: { encoded: string; sha256: string; loggedAt: string; timestampMs: number; commitment: string };
  leafIndex: number;
  /** The signed checkpoint note the proof leads to. */
  checkpoint: string;
  /** Base64 hashes, leaf upward (RFC 9162 inclusion path). */
  inclusionProof: string[];
  /** The log's note verifier key. */
  publicKey: string;
  /** Opens the enterprise commitment for whoever the attester shows the receipt to. */
  attester: { subject: string; salt: string; name: string };
  /** The public verification page. */
  verifyUrl: string;
}

/** The outcome of checking a receipt with its pieces (signature checked by the caller). */
export interface ReceiptCheck {
  ok: boolean;
  /** What failed, in Chinese, when not ok. */
  failures: string[];
  checkpoint: Checkpoint | null;
  entry: AttestationEntry | null;
  /** The signature to check against `checkpointSignedText`, when the key matched one. */
  signature: NoteSignature | null;
  key: NoteVerifierKey | null;
  checkpointSignedText: string | null;
  commitmentOpens: boolean;
}

/**
 * Checks everything in a receipt except the Ed25519 signature (left to the caller's crypto): the file's
 * hash equals the entry's, the entry's inclusion proof leads to the checkpoint's root, the commitment
 * opens to the named enterprise, and the checkpoint carries a signature by `verifierKey`.
 */
export function checkReceipt(
  sha256: Sha256,
  receipt: AttestationReceipt,
  fileSha256Hex: string | null,
  verifierKey: string,
): ReceiptCheck {
  const failures: string[] = [];
  const result: ReceiptCheck = {
    ok: false,
    failures,
    checkpoint: null,
    entry: null,
    signature: null,
    key: null,
    checkpointSignedText: null,
    commitmentOpens: false,
  };
  if ((receipt.format as string) !== RECEIPT_FORMAT) {
    failures.push('回执格式不是 ' + RECEIPT_FORMAT);
    return result;
  }
  let entryBytes: Uint8Array;
  try {
    entryBytes = fromBase64(receipt.entry.encoded);
    result.entry = decodeEntry(entryBytes);
  } catch {
    failures.push('回执中的条目编码无效');
    return result;
  }
  const entryHex = toHex(result.entry.fileSha256);
  if (entryHex !== receipt.entry.sha256.toLowerCase()) {
    failures.push('回执中的条目与其列出的文件哈希不一致');
  }
  if (fileSha256Hex !== null && fileSha256Hex.toLowerCase() !== entryHex) {
    failures.push(
      `文件的 SHA-256（${fileSha256Hex}）与存证条目中的（${entryHex}）不一致：文件已被改动或不是存证的文件`,
    );
  }
  try {
    result.key = parseVerifierKey(sha256, verifierKey);
  } catch (error) {
    failures.push(`公钥无效：${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const note = parseSignedNote(receipt.checkpoint);
    result.checkpoint = parseCheckpointBody(note.body);
    result.checkpointSignedText = note.body;
    if (result.key) {
      result.signature = signatureFor(note, result.key) ?? null;
      if (!result.signature) {
        failures.push('检查点上没有该公钥的签名');
      }
    }
  } catch (error) {
    failures.push(`检查点格式无效：${error instanceof Error ? error.message : String(error)}`);
  }
  if (result.checkpoint) {
    let proof: Uint8Array[] = [];
    try {
      proof = receipt.inclusionProof.map(fromBase64);
    } catch {
      failures.push('包含证明的编码无效');
    }
    const ok = verifyInclusion(
      sha256,
      receipt.leafIndex,
      result.checkpoint.size,
      leafHash(sha256, entryBytes),
      proof,
      result.checkpoint.rootHash,
    );
    if (!ok) {
      failures.push(`包含证明不成立：条目 #${receipt.leafIndex} 不在大小为 ${result.checkpoint.size} 的树中`);
    }
  }
  try {
    const salt = fromHex(receipt.attester.salt);
    result.commitmentOpens = bytesEqual(
      enterpriseCommitment(sha256, salt, receipt.attester.subject),
      result.entry.commitment,
    );
  } catch {
    result.commitmentOpens = false;
  }
  result.ok = failures.length === 0;
  return result;
}
