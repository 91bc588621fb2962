import { createTestDataSource } from '@sitrep/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArticleIntakeRepository, IntakeRaceError, IntakeRow } from './article-intake.repository';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const randomSimhash = (): bigint => randomBytes(8).readBigInt64BE();

function bandsOf(value: bigint): [number, number, number, number] {
  const u = BigInt.asUintN(64, value);
  return [48n, 32n, 16n, 0n].map((shift) => Number((u >> shift) & 0xffffn)) as [
    number,
    number,
    number,
    number,
  ];
}

const withFingerprint = (row: IntakeRow, simhash: bigint): IntakeRow => ({
  ...row,
  simhash,
  bands: bandsOf(simhash),
});

function aRow(overrides: Partial<IntakeRow> = {}): IntakeRow {
  const id = randomUUID();
  return {
    id,
    url: `https://int-ingest.test/${id}`,
    canonicalUrl: `https://int-ingest.test/${id}`,
    rawHash: sha(id),
    contentHash: sha(`body ${id}`),
    title: null,
    language: null,
    publishedAt: null,
    raw: `body ${id}`,
    source: 'int-ingest.test',
    feedId: null,
    kind: 'original',
    storyId: id,
    duplicateOf: null,
    distance: null,
    simhash: null,
    bands: null,
    published: true,
    eventId: null,
    ...overrides,
  };
}

describe(ArticleIntakeRepository.name, () => {
  let dataSource: DataSource;
  let sut: ArticleIntakeRepository;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    sut = new ArticleIntakeRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM article_dedup WHERE canonical_url LIKE 'https://int-ingest.test/%'`);
    await dataSource.destroy();
  });

  describe('insert', () => {
    it('should throw IntakeRaceError when a concurrent transaction stored the same canonical URL first', async () => {
      const first = aRow();
      const second = aRow({ canonicalUrl: first.canonicalUrl });
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      const firstTx = sut.transaction(async (m) => {
        await sut.insert(m, [first]);
        await firstHolds;
      });
      // Give the first transaction time to insert, then race it; commit it while the second waits.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const secondTx = sut.transaction((m) => sut.insert(m, [second]));
      setTimeout(releaseFirst, 200);
      await firstTx;
      await expect(secondTx).rejects.toBeInstanceOf(IntakeRaceError);
      const rows = await dataSource.query(`SELECT article_id FROM article_dedup WHERE canonical_url = $1`, [
        first.canonicalUrl,
      ]);
      expect(rows).toEqual([{ article_id: first.id }]);
    });

    it('should allow exact copies of a published body but only one published row per body', async () => {
      const original = aRow();
      const copy = aRow({
        contentHash: original.contentHash,
        kind: 'exact_duplicate',
        published: false,
        storyId: original.id,
      });
      await sut.transaction((m) => sut.insert(m, [original, copy]));
      const rival = aRow({ contentHash: original.contentHash });
      await expect(sut.transaction((m) => sut.insert(m, [rival]))).rejects.toBeInstanceOf(IntakeRaceError);
    });
  });

  describe('findFingerprints', () => {
    it('should find a stored fingerprint within the distance by its bands, with and without probe flips', async () => {
      const stored = aRow({ simhash: 0x0123_4567_89ab_cdefn, bands: [0x0123, 0x4567, 0x89ab, 0xcdef] });
      await sut.transaction((m) => sut.insert(m, [stored]));
      // Four bits away, one in each band: only the 1-bit probes can find it.
      const probe = 0x0122_4566_89aa_cdeen;
      const query = {
        canonicalUrls: [],
        contentHashes: [],
        simhashes: [
          { value: probe, bands: [0x0122, 0x4566, 0x89aa, 0xcdee] as [number, number, number, number] },
        ],
        maxDistance: 7,
        nearWindowDays: 7,
      };
      const exact = await sut.transaction((m) => sut.findFingerprints(m, { ...query, probeFlips: 0 }));
      const flipped = await sut.transaction((m) => sut.findFingerprints(m, { ...query, probeFlips: 1 }));
      expect(exact.near.map((f) => f?.articleId)).not.toContain(stored.id);
      expect(flipped.near.map((f) => f?.articleId)).toContain(stored.id);
      const tooFar = await sut.transaction((m) =>
        sut.findFingerprints(m, { ...query, probeFlips: 1, maxDistance: 3 }),
      );
      expect(tooFar.near.map((f) => f?.articleId)).not.toContain(stored.id);
    });

    it('should count the distance in PostgreSQL over all 64 bits, sign bit included', async () => {
      const value = BigInt.asIntN(64, 0xf123_4567_89ab_cdefn);
      const stored = aRow({ simhash: value, bands: [0xf123, 0x4567, 0x89ab, 0xcdef] });
      await sut.transaction((m) => sut.insert(m, [stored]));
      // Two bits away, both in the first band (the sign bit and the lowest bit of the band).
      const probe = BigInt.asIntN(64, 0x7122_4567_89ab_cdefn);
      const query = {
        canonicalUrls: [],
        contentHashes: [],
        simhashes: [
          { value: probe, bands: [0x7122, 0x4567, 0x89ab, 0xcdef] as [number, number, number, number] },
        ],
        nearWindowDays: 7,
        probeFlips: 0 as const,
      };
      const within = await sut.transaction((m) => sut.findFingerprints(m, { ...query, maxDistance: 2 }));
      const beyond = await sut.transaction((m) => sut.findFingerprints(m, { ...query, maxDistance: 1 }));
      expect(within.near.map((f) => [f?.articleId, f?.simhash])).toContainEqual([stored.id, value]);
      expect(beyond.near.map((f) => f?.articleId)).not.toContain(stored.id);
    });

    it('should answer, per fingerprint and in order, only the nearest stored copy (the earliest on a tie), null without one', async () => {
      const base = randomSimhash();
      const at = (bits: number[]) => bits.reduce((v, bit) => v ^ (1n << BigInt(bit)), base);
      // Every copy shares the first band with `base` (the flipped bits are all below bit 48).
      const copy3 = withFingerprint(aRow(), at([1, 17, 33]));
      const copy1 = withFingerprint(aRow(), at([2]));
      const tieFirst = withFingerprint(aRow(), at([3, 4]));
      const tieSecond = withFingerprint(aRow(), at([5, 6]));
      for (const row of [copy3, copy1, tieFirst, tieSecond])
        await sut.transaction((m) => sut.insert(m, [row]));
      const fingerprint = (value: bigint) => ({ value, bands: bandsOf(value) });
      const found = await sut.transaction((m) =>
        sut.findFingerprints(m, {
          canonicalUrls: [],
          contentHashes: [],
          // base: copy1 at 1 bit; at([3, 4, 5, 6]): both tie copies at 2 bits; a random one: nothing.
          simhashes: [fingerprint(base), fingerprint(at([3, 4, 5, 6])), fingerprint(randomSimhash())],
          maxDistance: 7,
          nearWindowDays: 7,
          probeFlips: 0,
        }),
      );
      expect(found.near.map((f) => f?.articleId ?? null)).toEqual([copy1.id, tieFirst.id, null]);
    });
  });
});
