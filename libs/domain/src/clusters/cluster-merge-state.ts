import { ClaimRecord } from './claim-record.model';
import { MAX_EVIDENCE_TEXTS } from './cluster-facets';

/**
 * What a cluster keeps besides its summary so that new members can be folded in without reading the
 * old ones (ClusterViewMerger). Computed from all members by {@link clusterMergeStateOf}; the merger
 * keeps it equal to that.
 */
export interface ClusterMergeState {
  /**
   * The independent sources as groups of links (`story:…`, `outlet:…`, `agency:…`): articles sharing a
   * link are one source, so each group is one source. Each group sorted; groups sorted by first link.
   */
  source_groups: string[][];
  /** Articles without any link (no outlet, story or agency): each is a source of its own. */
  unlinked_articles: number;
  /** For each kept evidence text (facets.evidence_text, same order), the first claim id giving it. */
  evidence_claim_ids: string[];
  /** For each sanctions flag (sanctions.flags, same order): where it first appears and which member's flag is kept. */
  sanction_flags: SanctionFlagOrigin[];
}

/** Position of a flag among the members: claim id, then index in that claim's flags. */
export type FlagPosition = [claimId: string, index: number];

export interface SanctionFlagOrigin {
  /** `measure_id|instrument`. */
  id: string;
  first: FlagPosition;
  kept: FlagPosition;
}

/** The order members are read in everywhere (summary, facets, sanctions). */
export const byClaimId = (a: string, b: string): number => a.localeCompare(b);

export const comparePositions = (a: FlagPosition, b: FlagPosition): number =>
  byClaimId(a[0], b[0]) || a[1] - b[1];

/** Normalises an outlet or agency name so that `AFP` and `afp ` are one source. */
export function sourceName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
}

/** The links that make articles one source: shared story, outlet or cited agency. */
export function sourceLinksOf(member: Pick<ClaimRecord, 'story_id' | 'outlet' | 'reported_by'>): string[] {
  return [
    member.story_id ? `story:${member.story_id}` : null,
    member.outlet ? `outlet:${sourceName(member.outlet)}` : null,
    ...member.reported_by.map((agency) => `agency:${sourceName(agency)}`),
  ].filter((link): link is string => !!link);
}

/** The flag id a cluster dedupes sanctions flags by. */
export const flagIdOf = (flag: { measure_id: string; instrument: string | null }): string =>
  `${flag.measure_id}|${flag.instrument ?? ''}`;

/**
 * Folds articles into the source groups: an article's links are those of all its members (one member
 * may cite an agency another does not); an article without any is counted apart.
 */
export function foldSources(
  groups: readonly string[][],
  members: readonly Pick<ClaimRecord, 'article_id' | 'story_id' | 'outlet' | 'reported_by'>[],
): { groups: string[][]; unlinked: number } {
  const linksByArticle = new Map<string, string[]>();
  for (const member of members)
    linksByArticle.set(member.article_id, [
      ...(linksByArticle.get(member.article_id) ?? []),
      ...sourceLinksOf(member),
    ]);
  let folded = [...groups];
  let unlinked = 0;
  for (const links of linksByArticle.values()) {
    if (links.length === 0) unlinked += 1;
    else folded = joinSourceGroups(folded, links);
  }
  return { groups: folded, unlinked };
}

/** Adds an article's links to the groups: every group it touches and its own links become one. */
export function joinSourceGroups(groups: readonly string[][], links: readonly string[]): string[][] {
  if (links.length === 0) return [...groups];
  const linkSet = new Set(links);
  const touching = groups.filter((group) => group.some((link) => linkSet.has(link)));
  const rest = groups.filter((group) => !touching.includes(group));
  const merged = [...new Set([...links, ...touching.flat()])].sort();
  return [...rest, merged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The merge state of a cluster from all its current members (order-independent). */
export function clusterMergeStateOf(members: readonly ClaimRecord[]): ClusterMergeState {
  const ordered = [...members].sort((a, b) => byClaimId(a.claim_id, b.claim_id));
  const sources = foldSources([], ordered);

  const evidence = new Map<string, string>();
  for (const member of ordered)
    if (!evidence.has(member.evidence.text)) evidence.set(member.evidence.text, member.claim_id);

  const flags = new Map<string, SanctionFlagOrigin & { definite: boolean }>();
  for (const member of ordered) {
    member.sanctions.flags.forEach((flag, index) => {
      const id = flagIdOf(flag);
      const at: FlagPosition = [member.claim_id, index];
      const known = flags.get(id);
      if (!known) flags.set(id, { id, first: at, kept: at, definite: flag.certainty === 'definite' });
      else if (!known.definite && flag.certainty === 'definite')
        flags.set(id, { ...known, kept: at, definite: true });
    });
  }

  return {
    source_groups: sources.groups,
    unlinked_articles: sources.unlinked,
    evidence_claim_ids: [...evidence.values()].slice(0, MAX_EVIDENCE_TEXTS),
    sanction_flags: [...flags.values()].map(({ id, first, kept }) => ({ id, first, kept })),
  };
}
