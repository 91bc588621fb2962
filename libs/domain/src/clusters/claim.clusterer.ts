import { ClaimStatus, Modality } from '@sitrep/extraction';
import { ClusterKeyFactory, FoldActor } from './cluster-key.factory';
import { ClusterKey, ClusterMember, ClusterSummary } from './cluster.model';

/** Strongest first: a fact in the article's own voice, then official assessments, then allegations. */
export const MODALITY_STRENGTH: Modality[] = ['asserted', 'assessed', 'alleged', 'hypothetical'];
/** Most advanced first. */
export const STATUS_PROGRESS: ClaimStatus[] = ['completed', 'in_progress', 'planned', 'unknown'];

function distinctSorted(values: Iterable<string | null | undefined>): string[] {
  return [...new Set([...values].filter((value): value is string => !!value))].sort();
}

/** Normalises an outlet or agency name so that `AFP` and `afp ` are one source. */
function sourceName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
}

/** Minimal union-find over article ids, for counting independent sources. */
class DisjointSets {
  private readonly parent = new Map<string, string>();

  find(item: string): string {
    let root = this.parent.get(item) ?? item;
    if (!this.parent.has(item)) this.parent.set(item, item);
    while (root !== (this.parent.get(root) ?? root)) root = this.parent.get(root) ?? root;
    this.parent.set(item, root);
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }

  count(): number {
    return new Set([...this.parent.keys()].map((item) => this.find(item))).size;
  }
}

/**
 * How many independent sources reported these members: their articles, with articles that share a wire
 * story, an outlet or a reporting agency counted as one (union-find; the order does not matter).
 */
export function independentSourceCount(
  members: Iterable<Pick<ClusterMember, 'article_id' | 'story_id' | 'outlet' | 'reported_by'>>,
): number {
  const sources = new DisjointSets();
  const firstArticleBy = new Map<string, string>();
  for (const member of members) {
    sources.find(member.article_id);
    const links = [
      member.story_id ? `story:${member.story_id}` : null,
      member.outlet ? `outlet:${sourceName(member.outlet)}` : null,
      ...member.reported_by.map((agency) => `agency:${sourceName(agency)}`),
    ];
    for (const link of links) {
      if (!link) continue;
      const first = firstArticleBy.get(link);
      if (first) sources.union(first, member.article_id);
      else firstArticleBy.set(link, member.article_id);
    }
  }
  return sources.count();
}

/**
 * Groups claims about the same event into clusters and summarises each. Deterministic and independent
 * of the order claims arrive in: the cluster of a claim depends on the claim alone (ClusterKeyFactory),
 * and a summary on the set of its members.
 */
export class ClaimClusterer {
  readonly keys: ClusterKeyFactory;

  constructor(fold: FoldActor = (id) => id) {
    this.keys = new ClusterKeyFactory(fold);
  }

  cluster(members: readonly ClusterMember[]): ClusterSummary[] {
    const groups = new Map<string, { key: ClusterKey; members: ClusterMember[] }>();
    for (const member of members) {
      const key = this.keys.keyOf(member);
      const group = groups.get(key.id) ?? { key, members: [] };
      group.members.push(member);
      groups.set(key.id, group);
    }
    return [...groups.values()]
      .map((group) => this.summarize(group.key, group.members))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The summary of one cluster from all its members (they must share `key`). */
  summarize(key: ClusterKey, unordered: readonly ClusterMember[]): ClusterSummary {
    if (unordered.length === 0) throw new Error(`CLUSTER.EMPTY: cluster ${key.id} has no members`);
    const members = [...unordered].sort((a, b) => a.claim_id.localeCompare(b.claim_id));
    const supporting = members.filter((member) => member.modality !== 'denied');
    const denials = members.filter((member) => member.modality === 'denied');

    const sources = independentSourceCount(members);

    const seen = members.map((member) => member.seen_at).sort();
    const eventDates = distinctSorted(members.map((member) => member.event_date));
    const modality =
      MODALITY_STRENGTH.find((candidate) => supporting.some((member) => member.modality === candidate)) ??
      'denied';
    const status =
      STATUS_PROGRESS.find((candidate) => supporting.some((member) => member.status === candidate)) ??
      'unknown';
    const outlets = distinctSorted(
      members.map((member) => (member.outlet ? sourceName(member.outlet) : null)),
    );
    const languages = distinctSorted(members.map((member) => member.language));

    return {
      ...key,
      claim_count: members.length,
      article_count: new Set(members.map((member) => member.article_id)).size,
      outlet_count: outlets.length,
      language_count: languages.length,
      independent_source_count: sources,
      outlets,
      languages,
      first_seen: seen[0],
      last_seen: seen[seen.length - 1],
      event_date_from: eventDates[0] ?? null,
      event_date_to: eventDates[eventDates.length - 1] ?? null,
      claimants: distinctSorted(members.map((member) => member.claimant)),
      reported_by: distinctSorted(members.flatMap((member) => member.reported_by)),
      modality,
      status,
      items: distinctSorted(members.flatMap((member) => member.items)),
      instruments: distinctSorted(members.map((member) => member.instrument)),
      contradiction_claim_ids: denials.map((member) => member.claim_id),
      contradicted: denials.length > 0 && supporting.length > 0,
      max_confidence: Math.max(...members.map((member) => member.confidence)),
    };
  }
}
