import regimesJson from '../../data/sanctions-regimes.json';
import {
  SanctionsAssessment,
  SanctionsCertainty,
  SanctionsFlag,
  SanctionsMeasure,
  SanctionsRegime,
  SanctionsRegimesData,
  SanctionsSubject,
} from './sanctions-regime.model';

/** Folds an actor id (agency, person, armed group) to its state; returns the id itself for states and bodies. */
export type CountryOf = (actorId: string) => string | null;

interface DateSpan {
  /** Inclusive first day, ISO. */
  from: string;
  /** Exclusive end day, ISO. */
  until: string;
}

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The span an ISO year, month or date (or a full timestamp) stands for; null when it cannot be read. */
export function dateSpanOf(value: string | null | undefined): DateSpan | null {
  if (!value) return null;
  const year = /^(\d{4})$/.exec(value);
  if (year) return { from: `${year[1]}-01-01`, until: `${Number(year[1]) + 1}-01-01` };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const next = new Date(Date.UTC(Number(month[1]), Number(month[2]), 1)).toISOString().slice(0, 10);
    return { from: `${month[1]}-${month[2]}-01`, until: next };
  }
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (!date) return null;
  // A timestamp with an offset is read in UTC so that the snapback's 00:00 GMT boundary holds.
  const day =
    value.length > 10 && !Number.isNaN(Date.parse(value))
      ? new Date(value).toISOString().slice(0, 10)
      : date[1];
  return { from: day, until: addDays(day, 1) };
}

/**
 * Says which sanctions measures a claim (or a cluster) falls under, with the instrument and the reason,
 * whether or not the article mentions sanctions. Pure: all knowledge is in the regimes data file.
 */
export class SanctionsEvaluator {
  readonly dataVersion: string;
  private readonly regimes: SanctionsRegime[];
  private readonly groups: Map<string, Set<string>>;
  private readonly familyPrefixes: Array<{ prefix: string; family: string }>;

  constructor(
    private readonly countryOf: CountryOf = (id) => id,
    data: SanctionsRegimesData = regimesJson as SanctionsRegimesData,
  ) {
    this.dataVersion = data.data_version;
    this.regimes = data.regimes;
    this.groups = new Map(Object.entries(data.groups).map(([name, ids]) => [name, new Set(ids)]));
    this.familyPrefixes = Object.entries(data.item_families)
      .filter(([family]) => !family.startsWith('$'))
      .flatMap(([family, prefixes]) => prefixes.map((prefix) => ({ prefix: prefix.toLowerCase(), family })))
      // Longest prefix first so that `KN-23` is not read by a shorter, unrelated prefix.
      .sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The item families (missile, drone, artillery, ...) of normalised items and named systems. */
  familiesOf(items: readonly string[]): Set<string> {
    const families = new Set<string>();
    for (const item of items) {
      const lower = item.toLowerCase();
      const hit = this.familyPrefixes.find((entry) => lower.startsWith(entry.prefix));
      if (hit) families.add(hit.family);
    }
    return families;
  }

  evaluate(subject: SanctionsSubject): SanctionsAssessment {
    const flags: SanctionsFlag[] = [];
    const source = subject.source ? this.countryOf(subject.source) : null;
    const target = subject.target ? this.countryOf(subject.target) : null;
    const eventSpan = dateSpanOf(subject.event_date);
    const reportedSpan = eventSpan ? null : dateSpanOf(subject.reported_at);
    const span = eventSpan ?? reportedSpan;
    const dateBasis = eventSpan ? 'event_date' : reportedSpan ? 'reported_at' : 'none';

    if (subject.type === 'sanctions_imposed') {
      flags.push(
        this.freeFlag(
          'imposition',
          subject.instrument ?? null,
          'The claim reports a sanctions measure being imposed',
          dateBasis,
        ),
      );
    } else {
      for (const regime of this.regimes) {
        for (const measure of regime.measures) {
          const flag = this.match(regime, measure, subject, source, target, span, dateBasis);
          if (flag) flags.push(flag);
        }
      }
      const stated = subject.instrument?.trim();
      if (
        stated &&
        !flags.some((flag) => flag.instrument === stated || flag.also_instruments.includes(stated))
      ) {
        flags.push(this.freeFlag('stated', stated, `The article names ${stated}`, dateBasis));
      }
      if (subject.type === 'sanctions_violation' && flags.length === 0) {
        flags.push(this.freeFlag('stated', null, 'The article reports a sanctions violation', dateBasis));
      }
    }

    const instruments: string[] = [];
    for (const flag of flags) {
      for (const instrument of [flag.instrument, ...flag.also_instruments]) {
        if (instrument && !instruments.includes(instrument)) instruments.push(instrument);
      }
    }
    return { relevant: flags.length > 0, instruments, flags, data_version: this.dataVersion };
  }

  private match(
    regime: SanctionsRegime,
    measure: SanctionsMeasure,
    subject: SanctionsSubject,
    source: string | null,
    target: string | null,
    span: DateSpan | null,
    dateBasis: SanctionsFlag['date_basis'],
  ): SanctionsFlag | null {
    // A claimed violation is matched against every measure on the pair, whatever the act.
    const isViolation = subject.type === 'sanctions_violation';
    if (!isViolation && !measure.claim_types.includes(subject.type)) return null;
    const undirected = isViolation || subject.type === 'military_cooperation' || measure.symmetric === true;
    const forward = this.covers(measure.supplier, source) && this.covers(measure.recipient, target);
    const backward =
      undirected && this.covers(measure.supplier, target) && this.covers(measure.recipient, source);
    if (!forward && !backward) return null;

    let certainty: SanctionsCertainty = 'definite';
    if (span) {
      const validUntil = measure.valid_until ?? '9999-12-31';
      if (span.until <= measure.valid_from || span.from >= validUntil) return null;
      if (span.from < measure.valid_from || span.until > validUntil) certainty = 'possible';
    } else {
      certainty = 'possible';
    }
    if (measure.items && subject.type === 'arms_transfer') {
      const families = this.familiesOf(subject.items);
      if (families.size > 0 && !measure.items.some((family) => families.has(family))) return null;
      if (families.size === 0) certainty = 'possible';
    }
    return {
      measure_id: measure.id,
      regime_id: regime.id,
      authority: regime.authority,
      instrument: measure.instrument,
      also_instruments: measure.also_instruments ?? [],
      effect: measure.effect,
      reason: measure.reason,
      valid_from: measure.valid_from,
      valid_until: measure.valid_until,
      contested_by: measure.contested_by ?? [],
      certainty,
      date_basis: dateBasis,
    };
  }

  private covers(selector: string[], actor: string | null): boolean {
    if (!actor) return selector.includes('*');
    return selector.some(
      (entry) => entry === '*' || entry === actor || this.groups.get(entry)?.has(actor) === true,
    );
  }

  private freeFlag(
    effect: 'stated' | 'imposition',
    instrument: string | null,
    reason: string,
    dateBasis: SanctionsFlag['date_basis'],
  ): SanctionsFlag {
    return {
      measure_id: effect,
      regime_id: null,
      authority: null,
      instrument,
      also_instruments: [],
      effect,
      reason,
      valid_from: null,
      valid_until: null,
      contested_by: [],
      certainty: 'definite',
      date_basis: dateBasis,
    };
  }
}
