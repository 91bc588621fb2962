import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runBench } from './run-bench';

describe(runBench.name, () => {
  describe('runBench', () => {
    let dir: string;
    let file: string;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
      file = join(dir, 'articles.jsonl');
      const raw = [
        'Russia buys rockets from North Korea',
        'Rabu, 07 September 2022, 07:47 WIB',
        'Russia is buying millions of rockets and artillery shells from North Korea, a US official said.',
      ].join('\n');
      writeFileSync(
        file,
        `${JSON.stringify({ id: 'a', raw })}\n${JSON.stringify({ id: 'b', raw: 'Nothing here.' })}\n`,
      );
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should time every run, report their median and the CPU spent per article', () => {
      const r = runBench({ files: [file], minBytes: 2_000, runs: 3, warmupBytes: 1_000 });
      expect(r.runs).toHaveLength(3);
      expect(r.warmup).toBeGreaterThan(0);
      expect(r.runs.every((x) => x > 0)).toBe(true);
      const sorted = [...r.runs].sort((a, b) => a - b);
      expect(r.articlesPerSecond).toBe(sorted[1]);
      expect(r.articles % 2).toBe(0);
      expect(r.cpuMsPerArticle.process).toBeGreaterThan(0);
      if (process.platform === 'linux') expect(r.cpuMsPerArticle.mainThread).not.toBeNull();
      expect(Object.keys(r.stages)).toEqual(['clean', 'sentences', 'actors', 'claims']);
    });

    it('should leave the warm-up run out of the timed articles', () => {
      // The warm-up's 50,000 bytes are many passes over the two articles, none of them counted.
      const cold = runBench({ files: [file], minBytes: 2_000, runs: 1, warmupBytes: 0 });
      const warm = runBench({ files: [file], minBytes: 2_000, runs: 1, warmupBytes: 50_000 });
      expect(cold.warmup).toBeNull();
      expect(warm.articles).toBe(cold.articles);
    });

    it('should refuse to run without articles', () => {
      writeFileSync(join(dir, 'empty.jsonl'), '\n');
      expect(() => runBench({ files: [join(dir, 'empty.jsonl')] })).toThrow('no articles');
    });
  });
});
