import { createHash } from 'node:crypto';
import { ClaimType } from '@sitrep/extraction';
import { ClusterKey } from './cluster.model';

/** Folds an actor id to its state (agencies and people count as their country). */
export type FoldActor = (actorId: string) => string;

/** Item families in priority order: a claim naming several is keyed by the first it names here. */
const ITEM_FAMILIES: Array<{ family: string; prefixes: string[] }> = [
  {
    family: 'missile',
    prefixes: ['missile', 'ballistic', 'cruise', 'kn-2', 'hwasong', 'fateh', 'zolfa', 'iskander', 'kh-'],
  },
  {
    family: 'drone',
    prefixes: ['drone', 'uav', 'loitering', 'shahed', 'mohajer', 'geran', 'arash', 'lancet', 'orlan'],
  },
  { family: 'air_defence', prefixes: ['air_defen', 's-300', 's-400'] },
  { family: 'aircraft', prefixes: ['aircraft', 'helicopter', 'fighter'] },
  { family: 'armour', prefixes: ['armoured', 'armored', 'tank'] },
  {
    family: 'artillery',
    prefixes: ['rocket', 'artillery', 'ammunition', 'shell', 'mortar', 'mlrs', 'howitzer'],
  },
  { family: 'naval', prefixes: ['warship', 'submarine'] },
  { family: 'small_arms', prefixes: ['small_arms', 'rifle', 'machine_gun'] },
];

export interface KeyableClaim {
  type: ClaimType;
  source: string | null;
  target: string | null;
  items: string[];
  event_date: string | null;
  published_at: string | null;
  seen_at: string;
}

/** Builds the deterministic cluster key of a claim (rules in libs/domain/src/clusters/README.md). */
export class ClusterKeyFactory {
  constructor(private readonly fold: FoldActor = (id) => id) {}

  static itemFamilyOf(items: readonly string[]): string {
    const lower = items.map((item) => item.toLowerCase());
    for (const { family, prefixes } of ITEM_FAMILIES) {
      if (lower.some((item) => prefixes.some((prefix) => item.startsWith(prefix)))) return family;
    }
    return items.length === 0 ? 'any' : 'other';
  }

  /** The month of the event when known, else of the publication, else of acceptance. */
  static periodOf(claim: Pick<KeyableClaim, 'event_date' | 'published_at' | 'seen_at'>): string {
    const event = /^(\d{4}-\d{2})/.exec(claim.event_date ?? '');
    if (event) return event[1];
    const reported = claim.published_at ?? claim.seen_at;
    const parsed = Date.parse(reported);
    // Publication times carry an offset; the month is taken in UTC so every replica agrees.
    return Number.isNaN(parsed) ? reported.slice(0, 7) : new Date(parsed).toISOString().slice(0, 7);
  }

  static idOf(key: string): string {
    return `cl-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
  }

  keyOf(claim: KeyableClaim): ClusterKey {
    let source = claim.source ? this.fold(claim.source) : null;
    let target = claim.target ? this.fold(claim.target) : null;
    if (claim.type === 'military_cooperation' && (source ?? '') > (target ?? '')) {
      [source, target] = [target, source];
    }
    const item_family = claim.type === 'arms_transfer' ? ClusterKeyFactory.itemFamilyOf(claim.items) : '-';
    const period = ClusterKeyFactory.periodOf(claim);
    const key = [claim.type, source ?? '-', target ?? '-', item_family, period].join('|');
    return { id: ClusterKeyFactory.idOf(key), key, type: claim.type, source, target, item_family, period };
  }
}
