import { ClusterKeyFactory } from './cluster-key.factory';
import { makeClusterMember } from './cluster-member.factory';

describe(ClusterKeyFactory.name, () => {
  const sut = new ClusterKeyFactory((id) => (id.includes('.') ? id.split('.')[0].toUpperCase() : id));

  describe('keyOf', () => {
    it('should give claims about the same event the same id', () => {
      const a = sut.keyOf(makeClusterMember({ items: ['rocket'] }));
      const b = sut.keyOf(
        makeClusterMember({ items: ['artillery_shell', 'rocket'], seen_at: '2022-09-20T00:00:00Z' }),
      );
      expect(a.id).toBe(b.id);
      expect(a.id).toMatch(/^cl-[0-9a-f]{24}$/);
      expect(a.key).toBe('arms_transfer|PRK|RUS|artillery|2022-09');
    });

    it('should treat military cooperation as an unordered pair', () => {
      const a = sut.keyOf(makeClusterMember({ type: 'military_cooperation', source: 'RUS', target: 'PRK' }));
      const b = sut.keyOf(makeClusterMember({ type: 'military_cooperation', source: 'PRK', target: 'RUS' }));
      expect(a.id).toBe(b.id);
      expect([a.source, a.target]).toEqual(['PRK', 'RUS']);
    });

    it('should keep the direction of an arms transfer', () => {
      const a = sut.keyOf(makeClusterMember({ source: 'RUS', target: 'PRK' }));
      const b = sut.keyOf(makeClusterMember({ source: 'PRK', target: 'RUS' }));
      expect(a.id).not.toBe(b.id);
    });

    it('should fold agencies to their country', () => {
      const key = sut.keyOf(
        makeClusterMember({ type: 'sanctions_imposed', source: 'usa.treasury', target: 'IRN' }),
      );
      expect(key.source).toBe('USA');
    });

    it('should use the event month when the event date is known', () => {
      const key = sut.keyOf(
        makeClusterMember({ event_date: '2022-08-30', published_at: '2022-09-07T07:47:00+07:00' }),
      );
      expect(key.period).toBe('2022-08');
    });

    it('should use the publication month in UTC when the event date is missing', () => {
      const key = sut.keyOf(
        makeClusterMember({ event_date: null, published_at: '2022-10-01T05:00:00+07:00' }),
      );
      expect(key.period).toBe('2022-09');
    });

    it('should separate arms transfers of incompatible item families', () => {
      const drones = sut.keyOf(makeClusterMember({ source: 'IRN', items: ['Shahed-136'] }));
      const shells = sut.keyOf(makeClusterMember({ source: 'IRN', items: ['artillery_shell'] }));
      expect(drones.item_family).toBe('drone');
      expect(drones.id).not.toBe(shells.id);
    });
  });

  describe('itemFamilyOf', () => {
    it('should pick the first family in priority order and `any` for no items', () => {
      expect(ClusterKeyFactory.itemFamilyOf(['artillery_shell', 'KN-23'])).toBe('missile');
      expect(ClusterKeyFactory.itemFamilyOf([])).toBe('any');
      expect(ClusterKeyFactory.itemFamilyOf(['uniforms'])).toBe('other');
    });
  });
});
