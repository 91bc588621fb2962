import { ClaimClusterer, clusterFacetsOf } from '@sitrep/domain/clusters';
import { makeClaimRecord } from '@sitrep/domain/clusters/cluster-member.factory';
import { TimelineDocumentMapper } from './timeline-document.mapper';

const record = makeClaimRecord;

describe('TimelineDocumentMapper', () => {
  describe('claim', () => {
    it('should index raw and folded party ids and sort undated claims by their report month', () => {
      const doc = TimelineDocumentMapper.claim(
        record({ source: 'prk.mid', source_country: 'PRK', event_date: null }),
      );
      expect(doc.source_ids).toEqual(['PRK', 'prk.mid']);
      expect(doc.actors).toEqual(['PRK', 'RUS', 'prk.mid']);
      expect(doc.event_start).toBe('2022-09-01');
    });

    it('should sort a dated claim by the first day of its event date', () => {
      expect(TimelineDocumentMapper.claim(record({ event_date: '2022-08' })).event_start).toBe('2022-08-01');
    });
  });

  describe('claimRecordOf', () => {
    it('should give back the record a claim document was made from, version aside', () => {
      const original = record({ source: 'prk.mid', source_country: 'PRK', event_date: '2022-08' });
      expect(TimelineDocumentMapper.claimRecordOf(TimelineDocumentMapper.claim(original))).toEqual({
        ...original,
        version: 0,
      });
    });

    it("should carry an analyst's verdict to the document and back", () => {
      const marked = record({ curation: 'wrong' });
      const doc = TimelineDocumentMapper.claim(marked);
      expect(doc.curation).toBe('wrong');
      expect(TimelineDocumentMapper.claimRecordOf(doc).curation).toBe('wrong');
    });
  });

  describe('cluster', () => {
    it('should drop the member ids of a summary stored before they were dropped, and carry facets, sanctions and version', () => {
      const members = [
        record({ claim_id: 'c1' }),
        record({ claim_id: 'c2', modality: 'denied', article_id: 'b' }),
      ];
      const summary = { ...new ClaimClusterer().cluster(members)[0], claim_ids: ['c1', 'c2'] };
      const doc = TimelineDocumentMapper.cluster({
        summary,
        facets: clusterFacetsOf(members),
        sanctions: { relevant: true, instruments: ['UNSCR 1718'], flags: [] },
        version: 7,
        updated_at: '2022-09-08T00:00:00.000Z',
      });
      expect(doc).not.toHaveProperty('claim_ids');
      expect(doc).toMatchObject({ version: 7, modalities: ['assessed', 'denied'], contradicted: true });
      expect(doc.sanctions.instruments).toEqual(['UNSCR 1718']);
      // Projected before the span was kept: as_of regroups such a cluster from its claims.
      expect(doc).toMatchObject({ recorded_from: null, changed_at: null });
    });

    it('should carry when its first claim was recorded and when it last changed', () => {
      const members = [record({ claim_id: 'c1' })];
      const doc = TimelineDocumentMapper.cluster({
        summary: new ClaimClusterer().cluster(members)[0],
        facets: clusterFacetsOf(members),
        sanctions: { relevant: false, instruments: [], flags: [] },
        version: 2,
        updated_at: '2022-09-08T00:00:00.000Z',
        recorded_from: '2022-09-01T00:00:00.000Z',
        changed_at: '2022-09-07T00:00:00.000Z',
      });
      expect(doc).toMatchObject({
        recorded_from: '2022-09-01T00:00:00.000Z',
        changed_at: '2022-09-07T00:00:00.000Z',
      });
    });
  });
});
