import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  consistencyProofRanges,
  decodeEntry,
  emptyRoot,
  encodeEntry,
  fromBase64,
  fromHex,
  inclusionProofRanges,
  leafHash,
  parseCheckpointBody,
  parseSignedNote,
  parseVerifierKey,
  rangeHash,
  rootFromLeafHashes,
  toBase64,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type LeafRange,
  type PerfectNode,
} from '@shangmi/shared';
import {
  generateSigner,
  formatSignerKey,
  openCheckpoint,
  parseSignerKey,
  signCheckpoint,
} from '../src/modules/attestations/checkpoint';
import { sha256 } from '../src/modules/attestations/merkle';

// The 8-leaf reference tree of RFC 6962 implementations (google/certificate-transparency merkle_tree_test,
// transparency-dev/merkle testdata): leaf inputs, roots of the prefixes of size 1..8, proofs.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  fromHex,
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// (leaf index 0-based, tree size, proof)
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

/** A tree held in memory as its stored perfect nodes, as the log keeps them. */
function buildNodes(leaves: Uint8Array[]): Map<string, Uint8Array> {
  const nodes = new Map<string, Uint8Array>();
  const range = new CompactRange(sha256);
  for (const leaf of leaves) {
    range.append(leafHash(sha256, leaf), (node, hash) => nodes.set(`${node.level}/${node.index}`, hash));
  }
  return nodes;
}

function proofFrom(nodes: Map<string, Uint8Array>, ranges: LeafRange[]): string[] {
  const lookup = (n: PerfectNode) => {
    const hash = nodes.get(`${n.level}/${n.index}`);
    if (!hash) {
      throw new Error(`missing node ${n.level}/${n.index}`);
    }
    return hash;
  };
  return ranges.map((r) => toHex(rangeHash(sha256, r, lookup)));
}

const flip = (hash: Uint8Array): Uint8Array => {
  const copy = new Uint8Array(hash);
  copy[0] = copy[0]! ^ 8;
  return copy;
};

describe('RFC 6962 reference vectors', () => {
  it('hashes the empty tree to SHA-256 of nothing', () => {
    expect(toHex(emptyRoot(sha256))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(rootFromLeafHashes(sha256, []))).toBe(toHex(emptyRoot(sha256)));
  });

  it('computes the roots of the reference tree of sizes 1 to 8', () => {
    const hashes = LEAVES.map((l) => leafHash(sha256, l));
    for (let n = 1; n <= 8; n++) {
      expect(toHex(rootFromLeafHashes(sha256, hashes.slice(0, n)))).toBe(ROOTS[n - 1]);
    }
  });

  it('generates and verifies the reference inclusion proofs, and rejects altered ones', () => {
    const nodes = buildNodes(LEAVES);
    for (const [index, size, expected] of INCLUSION) {
      expect(proofFrom(nodes, inclusionProofRanges(index, size))).toEqual(expected);
      const leaf = leafHash(sha256, LEAVES[index]!);
      const root = fromHex(ROOTS[size - 1]!);
      const proof = expected.map(fromHex);
      expect(verifyInclusion(sha256, index, size, leaf, proof, root)).toBe(true);
      expect(verifyInclusion(sha256, index + 1, size, leaf, proof, root)).toBe(false);
      expect(verifyInclusion(sha256, index, size * 2, leaf, proof, root)).toBe(false);
      expect(verifyInclusion(sha256, index, size, leaf, [...proof, root], root)).toBe(false);
      expect(verifyInclusion(sha256, index, size, flip(leaf), proof, root)).toBe(false);
      proof.forEach((_, i) => {
        const altered = proof.map((p, j) => (i === j ? flip(p) : p));
        expect(verifyInclusion(sha256, index, size, leaf, altered, root)).toBe(false);
      });
    }
  });

  it('generates and verifies the reference consistency proofs, and rejects altered ones', () => {
    const nodes = buildNodes(LEAVES);
    for (const [first, second, expected] of CONSISTENCY) {
      expect(proofFrom(nodes, consistencyProofRanges(first, second))).toEqual(expected);
      const r1 = fromHex(ROOTS[first - 1]!);
      const r2 = fromHex(ROOTS[second - 1]!);
      const proof = expected.map(fromHex);
      expect(verifyConsistency(sha256, first, second, r1, r2, proof)).toBe(true);
      if (proof.length > 0) {
        expect(verifyConsistency(sha256, first, second, r2, r1, proof)).toBe(false);
        expect(verifyConsistency(sha256, first, second, r1, r2, proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(sha256, first + 1, second, r1, r2, proof)).toBe(false);
        proof.forEach((_, i) => {
          const altered = proof.map((p, j) => (i === j ? flip(p) : p));
          expect(verifyConsistency(sha256, first, second, r1, r2, altered)).toBe(false);
        });
      }
    }
  });

  it('agrees with its own verifier on every inclusion and consistency proof of a 70-leaf tree', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => new Uint8Array([i, i >> 8, 7]));
    const nodes = buildNodes(leaves);
    const hashes = leaves.map((l) => leafHash(sha256, l));
    const roots = Array.from({ length: 71 }, (_, n) => rootFromLeafHashes(sha256, hashes.slice(0, n)));
    for (let n = 1; n <= 70; n++) {
      for (let i = 0; i < n; i++) {
        const proof = proofFrom(nodes, inclusionProofRanges(i, n)).map(fromHex);
        expect(verifyInclusion(sha256, i, n, hashes[i]!, proof, roots[n]!)).toBe(true);
      }
      for (let m = 0; m <= n; m++) {
        const proof = proofFrom(nodes, consistencyProofRanges(m, n)).map(fromHex);
        expect(verifyConsistency(sha256, m, n, roots[m]!, roots[n]!, proof)).toBe(true);
      }
    }
  });
});

describe('entries and checkpoints', () => {
  it('encodes an entry as 73 canonical bytes and decodes it back', () => {
    const entry = {
      fileSha256: sha256(new Uint8Array([1, 2, 3])),
      timestampMs: Date.UTC(2026, 10, 27, 1, 2, 3, 456),
      commitment: sha256(new Uint8Array([9])),
    };
    const bytes = encodeEntry(entry);
    expect(bytes.length).toBe(73);
    expect(bytes[0]).toBe(1);
    expect(toHex(bytes.slice(33, 41))).toBe(entry.timestampMs.toString(16).padStart(16, '0'));
    expect(decodeEntry(bytes)).toEqual({
      ...entry,
      fileSha256: new Uint8Array(entry.fileSha256),
      commitment: new Uint8Array(entry.commitment),
    });
  });

  it('round-trips base64 like the standard encoding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = sha256(new Uint8Array([n])).subarray(0, n % 33);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(toHex(fromBase64(toBase64(bytes)))).toBe(toHex(bytes));
    }
  });

  it('signs a C2SP checkpoint note that verifies with the verifier key and fails when altered', () => {
    const signer = generateSigner('shangmi.test/log');
    const root = rootFromLeafHashes(
      sha256,
      LEAVES.map((l) => leafHash(sha256, l)),
    );
    const note = signCheckpoint(signer, { origin: 'shangmi.test/log', size: 8, rootHash: root, extensions: [] });
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual(['shangmi.test/log', '8', toBase64(root), '']);
    expect(lines[4]).toMatch(/^— shangmi\.test\/log [A-Za-z0-9+/]+=*$/);
    // key hash (4 bytes) ‖ Ed25519 signature (64 bytes)
    expect(fromBase64(lines[4]!.split(' ')[2]!).length).toBe(68);
    const key = parseVerifierKey(sha256, signer.verifierKey);
    expect(signer.verifierKey).toMatch(/^shangmi\.test\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
    expect(toHex(key.keyHash)).toBe(toHex(sha256(Buffer.from('shangmi.test/log\n\x01'), key.publicKey).slice(0, 4)));
    expect(parseSignedNote(note).signatures[0]!.name).toBe('shangmi.test/log');
    expect(openCheckpoint(note, signer.verifierKey).size).toBe(8);
    expect(parseCheckpointBody(parseSignedNote(note).body).rootHash).toEqual(new Uint8Array(root));
    expect(() => openCheckpoint(note.replace('\n8\n', '\n9\n'), signer.verifierKey)).toThrow('签名无效');
    const other = generateSigner('shangmi.test/log');
    expect(() => openCheckpoint(note, other.verifierKey)).toThrow();
    // The private key survives its text form.
    expect(parseSignerKey(formatSignerKey(signer)).verifierKey).toBe(signer.verifierKey);
  });
});
