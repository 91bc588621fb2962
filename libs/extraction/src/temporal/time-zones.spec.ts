import { countryZone, datelineZone, findZoneMentions, resolveZone, zoneOffset } from './time-zones';

const wall = (year: number, month: number, day: number, hour = 12, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe(zoneOffset.name, () => {
  describe('zoneOffset', () => {
    it('should follow daylight-saving rules of IANA zones on the given day', () => {
      expect(zoneOffset('Europe/Paris', wall(2025, 2, 13))).toBe('+01:00');
      expect(zoneOffset('Europe/Paris', wall(2025, 4, 28))).toBe('+02:00');
      expect(zoneOffset('America/New_York', wall(2024, 1, 5))).toBe('-05:00');
      expect(zoneOffset('America/New_York', wall(2023, 7, 4))).toBe('-04:00');
      expect(zoneOffset('Asia/Yangon', wall(2024, 11, 5))).toBe('+06:30');
      expect(zoneOffset('America/Sao_Paulo', wall(2025, 1, 8))).toBe('-03:00');
    });

    it('should take the offset in force at the local time on a switch day', () => {
      // Europe switched to summer time at 01:00 UTC on 30 March 2025 (02:00 local became 03:00).
      expect(zoneOffset('Europe/Berlin', wall(2025, 3, 30, 1, 30))).toBe('+01:00');
      expect(zoneOffset('Europe/Berlin', wall(2025, 3, 30, 4, 0))).toBe('+02:00');
    });

    it('should keep fixed offsets and reject unknown zones', () => {
      expect(zoneOffset('+05:45', wall(2025, 1, 1))).toBe('+05:45');
      expect(zoneOffset('Mars/Olympus_Mons', wall(2025, 1, 1))).toBeNull();
    });
  });
});

describe(findZoneMentions.name, () => {
  describe('findZoneMentions', () => {
    it('should find abbreviations, stated offsets and city phrases in text order', () => {
      const found = findZoneMentions('21:40 (AST, GMT+3)');
      expect(found.map((z) => [z.label, z.explicit])).toEqual([
        ['AST', false],
        ['GMT+3', true],
      ]);
      expect(found[1].zones).toEqual(['+03:00']);
      expect(findZoneMentions('22:15 (hora de La Paz)')[0].zones).toEqual(['America/La_Paz']);
      expect(findZoneMentions('10:30 بتوقيت مكة المكرمة')[0].zones).toEqual(['Asia/Riyadh']);
      expect(findZoneMentions('10:00 UTC−04:00')[0].zones).toEqual(['-04:00']);
    });

    it("should read a capital or a state of one offset from the actor registry ('Astana time')", () => {
      expect(findZoneMentions('12.11.2024 15:25 (Astana time)')[0].zones).toEqual(['Asia/Almaty']);
      expect(findZoneMentions('الخميس 20 فبراير 2025 - 19:05 بتوقيت الجزائر')[0].zones).toEqual([
        'Africa/Algiers',
      ]);
      // A state of several offsets names no zone.
      expect(findZoneMentions('10:00 (Brazil time)')).toEqual([]);
    });

    it('should not read lower-case words or unknown cities as zones', () => {
      expect(findZoneMentions('at 10:00 local time, est. 2024')).toEqual([]);
      expect(findZoneMentions('10:00 (heure de Trifouilly)')).toEqual([]);
    });
  });
});

describe(resolveZone.name, () => {
  describe('resolveZone', () => {
    it('should pick among shared abbreviations the zone the hint has that day', () => {
      const [ist] = findZoneMentions('09:45 IST');
      expect(resolveZone(ist, wall(2025, 11, 3), null)).toBe('+05:30');
      expect(resolveZone(ist, wall(2025, 11, 3), 'Asia/Kolkata')).toBe('+05:30');
      expect(resolveZone(ist, wall(2025, 11, 3), 'Asia/Jerusalem')).toBe('+02:00');
      // A hint none of the zones matches leaves the usual one.
      expect(resolveZone(ist, wall(2025, 11, 3), 'Asia/Tokyo')).toBe('+05:30');
    });
  });
});

describe(datelineZone.name, () => {
  describe('datelineZone', () => {
    it.each([
      ['YANGON, Nov 5 (Asia Wire) — Russian and Myanmar warships began', 'Asia/Yangon'],
      ['DURBAN — Finance ministers pledged on Friday', 'Africa/Johannesburg'],
      ['New Delhi: Russia will deliver the last two squadrons', 'Asia/Kolkata'],
      ['LA PAZ.– Bolivia habría recibido', 'America/La_Paz'],
      ['MANILA/HANOI — The death toll rose', 'Asia/Manila'],
      ['Berlin/Kiew. Die Bundesregierung hat', 'Europe/Berlin'],
      ['МОСКВА, 22 мая — Вьетнам подписал контракт', 'Europe/Moscow'],
      ['WASHINGTON (Reuters) - The Treasury said', 'America/New_York'],
      ['Tokyo -', 'Asia/Tokyo'],
      ['ASTANA, Nov 12 (Steppe Wire) - Kazakhstan has never supplied', 'Asia/Almaty'],
      ['ALGER — Le ministère de la Défense a annoncé', 'Africa/Algiers'],
    ])('should read the dateline of "%s" as %s', (line, zone) => {
      expect(datelineZone(line)).toBe(zone);
    });

    it('should not read a sentence opening with a capitalised word as a dateline', () => {
      expect(datelineZone('Russia and North Korea exchanged documents on Wednesday.')).toBeNull();
      expect(datelineZone('Seoul Economic Review')).toBeNull();
      // Only IANA cities, the listed aliases and the capitals of states of one offset are known.
      expect(datelineZone('Wiesbaden -')).toBeNull();
      // A state's own name opening a sentence is no dateline; a capital of several offsets needs an alias.
      expect(datelineZone('Iran, Russia and China held a naval drill.')).toBeNull();
      expect(datelineZone('MOSKWA, 5 Maret - Pemerintah')).toBeNull();
      expect(datelineZone('BRASÍLIA, 5 de março - O governo')).toBe('America/Sao_Paulo');
    });
  });
});

describe(countryZone.name, () => {
  describe('countryZone', () => {
    it('should give the zone of a country that keeps one offset, and none for a country of several', () => {
      expect(countryZone('KZ')).toBe('Asia/Almaty');
      expect(countryZone('DZ')).toBe('Africa/Algiers');
      expect(countryZone('US')).toBeNull();
      expect(countryZone('RU')).toBeNull();
      expect(countryZone('ZZ')).toBeNull();
    });
  });
});
