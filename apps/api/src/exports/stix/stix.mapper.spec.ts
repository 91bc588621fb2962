import { stixValidator } from '../../../../../test/reports/support/stix-validator';
import type { StixClaimRow } from './stix.mapper';
import { actorIdentity, actorIdentityId, claimObject, eventStart, sitrepIdentity } from './stix.mapper';
import { stixBundleWriter } from './stix-bundle.writer';

const claim = (overrides: Partial<StixClaimRow> = {}): StixClaimRow => ({
  id: 'c-1',
  article_id: '3f1c6a3e-9b1d-4c55-9d0e-0f6f3f5d2a11',
  cluster_id: 'cl-0123456789abcdef01234567',
  type: 'arms_transfer',
  source: 'PRK',
  target: 'RUS',
  source_country: 'PRK',
  target_country: 'RUS',
  status: 'completed',
  modality: 'alleged',
  claimant: 'USA',
  reported_by: [],
  items: ['artillery shell'],
  quantity: null,
  instrument: null,
  event_date: '2023-09',
  confidence: 0.8999999761581421,
  evidence_text: 'North Korea sent shells to Russia.',
  evidence_start: 0,
  evidence_end: 34,
  outlet: 'rmol.id',
  language: 'id',
  url: 'https://rmol.id/a',
  title: 'A title',
  published_at: new Date('2023-10-01T08:00:00Z'),
  seen_at: new Date('2023-10-01T09:00:00Z'),
  report_date: new Date('2023-10-01T08:00:00Z'),
  sanctions: { relevant: true, instruments: ['UNSCR 1718'], flags: [] },
  engine_version: '0.4.0',
  recorded_at: new Date('2023-10-01T09:00:01Z'),
  superseded_at: null,
  cluster_first_seen: '2023-10-01T09:00:00.000Z',
  cluster_last_seen: '2023-10-02T09:00:00.000Z',
  ...overrides,
});

describe('STIX mapping', () => {
  const validate = stixValidator();
  const bundleOf = (objects: Array<Record<string, unknown>>) => ({
    type: 'bundle',
    id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8',
    objects: objects as Array<Record<string, unknown> & { type: string; id: string }>,
  });

  it('should give an actor the same UUIDv5 identity id every time', () => {
    expect(actorIdentityId('PRK')).toBe(actorIdentityId('PRK'));
    expect(actorIdentityId('PRK')).not.toBe(actorIdentityId('RUS'));
    expect(actorIdentityId('PRK')).toMatch(/^identity--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });

  it('should map a two-party claim to a relationship that validates against the STIX 2.1 schemas', () => {
    const sut = claimObject(claim());
    expect(sut).toMatchObject({
      type: 'relationship',
      relationship_type: 'arms-transfer',
      source_ref: actorIdentityId('PRK'),
      target_ref: actorIdentityId('RUS'),
      confidence: 90,
      start_time: '2023-09-01T00:00:00.000Z',
      x_sitrep_type: 'arms_transfer',
      x_sitrep_status: 'completed',
      x_sitrep_modality: 'alleged',
      x_sitrep_sanctions_instruments: ['UNSCR 1718'],
      external_references: [
        { source_name: 'rmol.id', url: 'https://rmol.id/a', external_id: expect.any(String) },
      ],
    });
    const state = { id: 'PRK', name: 'North Korea', kind: 'state', country: 'PRK' };
    const objects = [sitrepIdentity(), actorIdentity('PRK', state), actorIdentity('RUS', null), sut];
    expect(validate(bundleOf(objects))).toEqual([]);
  });

  it('should map a one-party claim to a valid report about that party', () => {
    const sut = claimObject(claim({ target: null, target_country: null, items: [], event_date: null }));
    expect(sut).toMatchObject({ type: 'report', object_refs: [actorIdentityId('PRK')] });
    expect(validate(bundleOf([sitrepIdentity(), sut]))).toEqual([]);
  });

  it('should be caught by the schemas when an object breaks them', () => {
    const broken = { ...claimObject(claim()), confidence: 900, x_sitrep_items: [] };
    expect(validate(bundleOf([broken])).length).toBeGreaterThan(0);
  });

  it('should read event dates of a year, a month or a day', () => {
    expect(eventStart('2022')).toBe('2022-01-01T00:00:00.000Z');
    expect(eventStart('2022-08-15')).toBe('2022-08-15T00:00:00.000Z');
    expect(eventStart('August')).toBeNull();
  });

  it('should stream one bundle with each identity once', async () => {
    const sut = stixBundleWriter(() => null);
    const chunks: string[] = [];
    sut.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const done = new Promise((resolve) => sut.on('end', resolve));
    sut.write(claim());
    sut.write(claim({ id: 'c-2' }));
    sut.end();
    await done;
    const bundle = JSON.parse(chunks.join(''));
    expect(bundle.objects.map((o: { type: string }) => o.type)).toEqual([
      'identity',
      'identity',
      'identity',
      'relationship',
      'relationship',
    ]);
    expect(validate(bundle)).toEqual([]);
  });
});
