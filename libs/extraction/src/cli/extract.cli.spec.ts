import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough, Readable } from 'stream';
import { MAX_LINE_BYTES, main, processLine, runBatch } from './extract.cli';

const ARTICLE = 'Korea Utara mengirim pekerja ke Rusia pada Agustus, kata pejabat itu kepada wartawan.';

async function batch(
  chunks: Buffer[],
): Promise<{ lines: Record<string, unknown>[]; articles: number; errors: number }> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const summary = await runBatch(Readable.from(chunks), out);
  out.end();
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, articles: summary.articles, errors: summary.errors };
}

describe(processLine.name, () => {
  describe('processLine', () => {
    it('should extract a valid line and keep its id', () => {
      const res = processLine(JSON.stringify({ id: 'a1', raw: ARTICLE, language: 'id' }));
      expect(res.ok).toBe(true);
      expect(JSON.parse(res.json)).toMatchObject({ id: 'a1', language: 'id', text: ARTICLE });
    });

    it.each([
      ['not json', /not valid JSON/],
      ['[1,2]', /not a JSON object/],
      ['{"raw":"x"}', /no "id"/],
      ['{"id":"b2"}', /no "raw"/],
      ['{"id":"b3","raw":42}', /no "raw"/],
    ])('should give an error record for %s', (line, reason) => {
      const res = processLine(line);
      expect(res.ok).toBe(false);
      expect(JSON.parse(res.json).error).toMatch(reason);
    });

    it('should recover the id of a line that is cut or malformed', () => {
      expect(JSON.parse(processLine('{"id":"c3","raw":"unterminated').json)).toMatchObject({ id: 'c3' });
    });
  });
});

describe(runBatch.name, () => {
  describe('runBatch', () => {
    it('should write one line per input line, in order, errors included', async () => {
      const input = [
        JSON.stringify({ id: '1', raw: ARTICLE }),
        'garbage',
        '',
        JSON.stringify({ id: '3', raw: 'Short.' }) + '\r',
      ].join('\n');
      const res = await batch([Buffer.from(input)]);
      expect(res.lines.map((l) => l.id)).toEqual(['1', null, '3']);
      expect(res.articles).toBe(3);
      expect(res.errors).toBe(1);
    });

    it('should decode invalid UTF-8 with replacement characters and split lines across chunks', async () => {
      const line = Buffer.concat([
        Buffer.from('{"id":"u","raw":"Bad '),
        Buffer.from([0xff, 0xc3]),
        Buffer.from(' bytes here."}\n'),
      ]);
      const res = await batch([line.subarray(0, 10), line.subarray(10, 25), line.subarray(25)]);
      expect(res.lines).toHaveLength(1);
      expect(res.lines[0].text).toContain('\uFFFD');
    });

    it('should reject a line over the size limit and go on with the next', async () => {
      const big = Buffer.alloc(MAX_LINE_BYTES + 10, 0x61);
      big.write('{"id":"big","raw":"', 0);
      const res = await batch([
        big.subarray(0, 1024 * 1024),
        big.subarray(1024 * 1024),
        Buffer.from('\n{"id":"next","raw":"Fine."}\n'),
      ]);
      expect(res.lines[0]).toMatchObject({ id: 'big', error: expect.stringMatching(/5 MB/) });
      expect(res.lines[1]).toMatchObject({ id: 'next' });
      expect(res.errors).toBe(1);
    });
  });
});

describe(main.name, () => {
  describe('main', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'extract-cli-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const silence = (): jest.SpyInstance[] => [
      jest.spyOn(process.stderr, 'write').mockImplementation(() => true),
      jest.spyOn(process.stdout, 'write').mockImplementation(() => true),
    ];

    it('should run a batch from file to file and exit 0', async () => {
      const spies = silence();
      const input = join(dir, 'in.jsonl');
      const output = join(dir, 'out.jsonl');
      writeFileSync(input, `${JSON.stringify({ id: 'f1', raw: ARTICLE })}\nnot json\n`);
      await expect(main(['--input', input, '--output', output])).resolves.toBe(0);
      spies.forEach((s) => s.mockRestore());
      const lines = readFileSync(output, 'utf8').trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).id)).toEqual(['f1', null]);
    });

    it('should exit 2 with a message when a file cannot be opened or arguments are missing', async () => {
      const spies = silence();
      await expect(
        main(['--input', join(dir, 'missing.jsonl'), '--output', join(dir, 'o.jsonl')]),
      ).resolves.toBe(2);
      await expect(main(['--input', dir, '--output', join(dir, 'o.jsonl')])).resolves.toBe(2);
      await expect(
        main(['--input', join(dir, 'in.jsonl'), '--output', join(dir, 'no', 'such', 'dir.jsonl')]),
      ).resolves.toBe(2);
      await expect(main(['--input', 'x'])).resolves.toBe(2);
      await expect(main(['--bogus'])).resolves.toBe(2);
      const messages = spies[0].mock.calls.map((c) => String(c[0])).join('');
      spies.forEach((s) => s.mockRestore());
      expect(messages).toMatch(/cannot open input/);
      expect(messages).toMatch(/cannot open output/);
    });

    it('should print usage for --help and exit 0', async () => {
      const spies = silence();
      await expect(main(['--help'])).resolves.toBe(0);
      const printed = spies[1].mock.calls.map((c) => String(c[0])).join('');
      spies.forEach((s) => s.mockRestore());
      expect(printed).toMatch(/usage: extract --input/);
    });
  });
});
