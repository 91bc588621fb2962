import { SanctionsSubject } from './sanctions-regime.model';
import { dateSpanOf, SanctionsEvaluator } from './sanctions.evaluator';

function subject(overrides: Partial<SanctionsSubject>): SanctionsSubject {
  return { type: 'arms_transfer', source: 'PRK', target: 'RUS', items: [], event_date: null, ...overrides };
}

describe(SanctionsEvaluator.name, () => {
  const sut = new SanctionsEvaluator((id) => (id.includes('.') ? id.split('.')[0].toUpperCase() : id));

  describe('evaluate', () => {
    it('should flag a North Korean arms transfer to Russia under UNSCR 1718 and 1874 but not the import ban', () => {
      const result = sut.evaluate(subject({ items: ['rocket', 'artillery_shell'], event_date: '2023-09' }));
      expect(result.relevant).toBe(true);
      expect(result.instruments).toEqual(expect.arrayContaining(['UNSCR 1718', 'UNSCR 1874', 'EO 14024']));
      expect(result.instruments).not.toContain('UNSCR 2270');
      const flag = result.flags.find((f) => f.instrument === 'UNSCR 1718');
      expect(flag).toMatchObject({ effect: 'prohibited', authority: 'UN', certainty: 'definite' });
      expect(flag?.reason).toMatch(/DPRK/);
    });

    it('should flag arms supplied to North Korea under UNSCR 1718 and 2270', () => {
      const result = sut.evaluate(
        subject({ source: 'RUS', target: 'PRK', items: ['air_defence'], event_date: '2024-11' }),
      );
      expect(result.instruments).toEqual(
        expect.arrayContaining(['UNSCR 1718', 'UNSCR 2270', 'CAATSA s.231']),
      );
      expect(result.instruments).not.toContain('UNSCR 1874');
    });

    it('should flag Iranian drones to Russia in August 2022 under UNSCR 2231 (missile items) only', () => {
      const result = sut.evaluate(
        subject({ source: 'IRN', items: ['drone', 'Mohajer-6'], event_date: '2022-08' }),
      );
      const un = result.flags.filter((f) => f.authority === 'UN');
      expect(un.map((f) => f.measure_id)).toEqual(['un.iran.2231.missile']);
      expect(result.instruments).toEqual(expect.arrayContaining(['UNSCR 2231', 'EO 13949', 'EO 14024']));
    });

    it('should find no UN measure for Iranian drones between the 2231 expiry and the snapback', () => {
      const result = sut.evaluate(
        subject({ source: 'IRN', items: ['Shahed-136'], event_date: '2024-05-10' }),
      );
      expect(result.flags.filter((f) => f.authority === 'UN')).toEqual([]);
      expect(result.instruments).toEqual(
        expect.arrayContaining(['EO 13949', 'Council Regulation (EU) 2023/1529']),
      );
    });

    it('should flag Iranian drones after the snapback under UNSCR 1747 and say Russia and China contest it', () => {
      const result = sut.evaluate(subject({ source: 'IRN', items: ['drone'], event_date: '2025-10' }));
      const snapback = result.flags.find((f) => f.measure_id === 'un.iran.snapback.1747');
      expect(snapback?.contested_by).toEqual(expect.arrayContaining(['RUS', 'CHN']));
    });

    it('should read the snapback boundary at 00:00 GMT on 2025-09-28', () => {
      const before = sut.evaluate(
        subject({ source: 'IRN', items: ['drone'], reported_at: '2025-09-27T19:00:00-04:00' }),
      );
      const after = sut.evaluate(
        subject({ source: 'IRN', items: ['drone'], reported_at: '2025-09-27T21:00:00-04:00' }),
      );
      expect(before.instruments).not.toContain('UNSCR 1747');
      expect(after.instruments).toContain('UNSCR 1747');
      expect(after.flags[0].date_basis).toBe('reported_at');
    });

    it('should not put Iranian artillery shells of 2022 under UNSCR 2231, whose conventional-arms part ended in 2020', () => {
      const result = sut.evaluate(
        subject({ source: 'IRN', items: ['artillery_shell'], event_date: '2022-11' }),
      );
      expect(result.instruments).not.toContain('UNSCR 2231');
    });

    it('should flag conventional arms to Iran in 2019 under UNSCR 2231', () => {
      const result = sut.evaluate(
        subject({ source: 'RUS', target: 'IRN', items: ['aircraft'], event_date: '2019-03' }),
      );
      expect(result.flags.map((f) => f.measure_id)).toContain('un.iran.2231.conventional');
    });

    it('should mark a match as possible when the event month straddles the end of a measure', () => {
      const result = sut.evaluate(subject({ source: 'IRN', items: ['drone'], event_date: '2023-10' }));
      expect(result.flags.find((f) => f.instrument === 'UNSCR 2231')?.certainty).toBe('possible');
    });

    it('should flag North Korean workers abroad under 2375 and 2397 only from their dates', () => {
      const early = sut.evaluate(subject({ type: 'labor_export', event_date: '2016-05' }));
      const late = sut.evaluate(subject({ type: 'labor_export', event_date: '2018-02' }));
      expect(early.instruments).not.toContain('UNSCR 2375');
      expect(late.instruments).toEqual(expect.arrayContaining(['UNSCR 2375', 'UNSCR 2397']));
    });

    it('should flag troops sent by North Korea in either role of a military cooperation', () => {
      const result = sut.evaluate(
        subject({ type: 'military_cooperation', source: 'RUS', target: 'PRK', event_date: '2024-10' }),
      );
      expect(result.instruments).toEqual(expect.arrayContaining(['UNSCR 1718', 'UNSCR 1874', 'UNSCR 2270']));
    });

    it('should fold agencies to their state before matching', () => {
      const result = sut.evaluate(subject({ source: 'prk.mid', target: 'rus.mod', event_date: '2023-09' }));
      expect(result.instruments).toContain('UNSCR 1718');
    });

    it('should not flag a diplomatic recognition', () => {
      const result = sut.evaluate(
        subject({ type: 'diplomatic_recognition', target: 'ukr.dpr', event_date: '2022-07' }),
      );
      expect(result).toMatchObject({ relevant: false, instruments: [], flags: [] });
    });

    it('should flag a sanctions imposition as relevant with its stated instrument', () => {
      const result = sut.evaluate(
        subject({ type: 'sanctions_imposed', source: 'USA', target: 'IRN', instrument: 'EO 13949' }),
      );
      expect(result.flags).toEqual([
        expect.objectContaining({ effect: 'imposition', instrument: 'EO 13949' }),
      ]);
    });

    it('should keep the instrument an article states for a hypothetical violation', () => {
      const result = sut.evaluate(
        subject({ type: 'sanctions_violation', instrument: 'UNSCR 1718', reported_at: '2022-09-07' }),
      );
      expect(result.instruments[0]).toBe('UNSCR 1718');
      expect(result.flags.some((f) => f.effect === 'stated')).toBe(false);
    });

    it('should keep an instrument the data does not know as a stated flag', () => {
      const result = sut.evaluate(
        subject({ type: 'sanctions_violation', source: 'CHN', target: 'SYR', instrument: 'UNSCR 9999' }),
      );
      expect(result.flags).toEqual([expect.objectContaining({ effect: 'stated', instrument: 'UNSCR 9999' })]);
    });

    it('should mark undated claims as possible matches', () => {
      const result = sut.evaluate(subject({}));
      expect(result.flags.every((f) => f.certainty === 'possible' && f.date_basis === 'none')).toBe(true);
    });
  });

  describe('familiesOf', () => {
    it('should map named systems to their item family', () => {
      expect([...sut.familiesOf(['Shahed-136', 'KN-23', 'artillery_shell', 'unknown'])].sort()).toEqual([
        'artillery',
        'drone',
        'missile',
      ]);
    });
  });
});

describe('dateSpanOf', () => {
  it('should expand a month to its days', () => {
    expect(dateSpanOf('2024-02')).toEqual({ from: '2024-02-01', until: '2024-03-01' });
  });

  it('should expand a December to the next year', () => {
    expect(dateSpanOf('2022-12')).toEqual({ from: '2022-12-01', until: '2023-01-01' });
  });

  it('should return null for an unreadable value', () => {
    expect(dateSpanOf('last summer')).toBeNull();
  });
});
