import { readFileSync } from 'fs';
import { dataPath } from '../data-path';
import { ActorRegistry, actorRegistry } from './actor-registry';

interface Group {
  lang?: unknown;
  kind?: unknown;
  texts?: unknown;
}

describe(ActorRegistry.name, () => {
  const sut = actorRegistry();

  describe('data files', () => {
    it('should not repeat a state in the overlay (JSON.parse would keep only the last list)', () => {
      const raw = readFileSync(dataPath('actors', 'states.overlay.json'), 'utf8');
      const keys = [...raw.matchAll(/^ {4}"([A-Z]{3})": \[/gm)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(100);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    });
  });

  describe('get', () => {
    it('should hold every UN member state and the observer and disputed entities', () => {
      const states = sut.all().filter((r) => r.kind === 'state');
      expect(states.filter((r) => r.status === 'un-member')).toHaveLength(193);
      for (const id of ['PSE', 'VAT', 'TWN', 'XKX']) expect(sut.get(id)?.kind).toBe('state');
    });

    it('should hold the contract bodies and separatist entities', () => {
      for (const id of ['UN', 'EU', 'NATO', 'IAEA']) expect(sut.get(id)?.kind).toBe('body');
      expect(sut.get('ukr.dpr')).toMatchObject({ kind: 'entity', country: 'UKR' });
      expect(sut.get('ukr.lpr')).toMatchObject({ kind: 'entity', country: 'UKR' });
    });

    it('should hold agencies and people with their country', () => {
      expect(sut.get('usa.dod')).toMatchObject({ kind: 'agency', country: 'USA' });
      expect(sut.get('person.pat-ryder')).toMatchObject({ kind: 'person', country: 'USA' });
      for (const cc of [
        'USA',
        'RUS',
        'PRK',
        'KOR',
        'IRN',
        'UKR',
        'CHN',
        'JPN',
        'GBR',
        'FRA',
        'DEU',
        'ISR',
        'BLR',
        'SYR',
      ]) {
        const own = sut.all().filter((r) => r.country === cc && r.kind === 'agency');
        expect(own.length).toBeGreaterThanOrEqual(2);
      }
    });
  });

  describe('placeState', () => {
    it('should name the state of a capital in any language, case- and accent-insensitive', () => {
      expect(sut.placeState('ASTANA')).toBe('KAZ');
      expect(sut.placeState('Alger')).toBe('DZA');
      expect(sut.placeState('Tbilisi')).toBe('GEO');
      expect(sut.get('KAZ')?.alpha2).toBe('KZ');
    });

    it("should read a state's own name only when asked, and nothing for other words", () => {
      expect(sut.placeState('Kazakhstan')).toBeNull();
      expect(sut.placeState('Kazakhstan', true)).toBe('KAZ');
      expect(sut.placeState('الجزائر', true)).toBe('DZA');
      expect(sut.placeState('Pentagon', true)).toBeNull();
      expect(sut.placeState('Wiesbaden', true)).toBeNull();
    });
  });

  describe('foldToCountry', () => {
    it('should fold agencies, people and groups to their country and keep states, bodies and entities', () => {
      expect(sut.foldToCountry('usa.dod')).toBe('USA');
      expect(sut.foldToCountry('person.kim-jong-un')).toBe('PRK');
      expect(sut.foldToCountry('yem.houthis')).toBe('YEM');
      expect(sut.foldToCountry('RUS')).toBe('RUS');
      expect(sut.foldToCountry('NATO')).toBe('NATO');
      expect(sut.foldToCountry('ukr.dpr')).toBe('ukr.dpr');
    });

    it('should fold an unknown slug by its three-letter prefix, like the scorer', () => {
      expect(sut.foldToCountry('irn.some-company')).toBe('IRN');
      expect(sut.foldToCountry('Somebody')).toBe('Somebody');
    });
  });

  describe('countryOf, kindOf and displayName', () => {
    it('should describe an actor', () => {
      expect(sut.countryOf('kor.nis')).toBe('KOR');
      expect(sut.countryOf('UN')).toBeNull();
      expect(sut.kindOf('irn.irgc')).toBe('agency');
      expect(sut.displayName('USA')).toBe('United States');
      expect(sut.displayName('PRK')).toBe('North Korea');
    });
  });

  describe('isEmitted', () => {
    it('should keep bodies the contract does not score out of article actors', () => {
      expect(sut.isEmitted('UN')).toBe(true);
      expect(sut.isEmitted('asean')).toBe(false);
    });
  });

  describe('aliasesFor', () => {
    it('should list the aliases of a language', () => {
      const id = sut.aliasesFor('id');
      expect(id).toContainEqual({ actorId: 'PRK', text: 'Korut', kind: 'abbreviation' });
      expect(id).toContainEqual({ actorId: 'USA', text: 'AS', kind: 'abbreviation' });
    });
  });

  describe('searchByPrefix', () => {
    it('should find actors by the start of any alias, once each', () => {
      const hits = sut.searchByPrefix('pyong');
      expect(hits.map((h) => h.actorId)).toContain('PRK');
      expect(new Set(hits.map((h) => h.actorId)).size).toBe(hits.length);
      expect(sut.searchByPrefix('korea ut', { lang: 'id' })[0]).toMatchObject({
        actorId: 'PRK',
        alias: 'Korea Utara',
      });
    });

    it('should return nothing for an empty prefix', () => {
      expect(sut.searchByPrefix('  ')).toEqual([]);
    });
  });

  describe('aliasEntries', () => {
    it('should never give one spelling to two different actors', () => {
      const owners = new Map<string, Set<string>>();
      for (const e of sut.aliasEntries()) {
        if (!e.actorIds.length || e.actorIds.length > 1) continue;
        const set = owners.get(e.key) ?? new Set<string>();
        set.add(e.actorIds[0]);
        owners.set(e.key, set);
      }
      const clashes = [...owners].filter(([, s]) => s.size > 1).map(([k, s]) => `${k}: ${[...s].join(',')}`);
      expect(clashes).toEqual([]);
    });

    it('should give every alias group in the data files its languages and kind', () => {
      const files = ['states.overlay.json', 'bodies.json', 'entities.json', 'agencies.json', 'people.json'];
      for (const f of files) {
        const data = JSON.parse(readFileSync(dataPath('actors', f), 'utf8')) as {
          aliases?: Record<string, Group[]>;
          actors?: { aliases: Group[] }[];
        };
        const groups = [
          ...Object.values(data.aliases ?? {}).flat(),
          ...(data.actors ?? []).flatMap((a) => a.aliases),
        ];
        for (const g of groups) {
          expect(Array.isArray(g.lang) && (g.lang as unknown[]).length > 0).toBe(true);
          expect(['name', 'abbreviation', 'metonym', 'demonym', 'title']).toContain(g.kind);
          expect(Array.isArray(g.texts)).toBe(true);
        }
      }
    });
  });
});
