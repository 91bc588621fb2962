import { ClaimStatus, Modality } from '@sitrep/extraction';
import { SanctionsFlag } from '../sanctions/sanctions-regime.model';
import { MODALITY_STRENGTH, STATUS_PROGRESS } from './claim.clusterer';
import { ClaimRecord, SanctionsRecord } from './claim-record.model';
import { ClusterFacets, MAX_EVIDENCE_TEXTS, partyIdsOf } from './cluster-facets';
import {
  byClaimId,
  ClusterMergeState,
  comparePositions,
  flagIdOf,
  FlagPosition,
  foldSources,
  SanctionFlagOrigin,
  sourceName,
} from './cluster-merge-state';
import { ClusterSummary } from './cluster.model';
import { ClusterView } from './cluster-view.factory';

const distinctSorted = (...lists: Array<Iterable<string | null | undefined>>): string[] =>
  [...new Set(lists.flatMap((list) => [...list]).filter((value): value is string => !!value))].sort();

const sortedIds = (...lists: string[][]): string[] => [...new Set(lists.flat())].sort(byClaimId);

const minOf = (values: string[]): string | null =>
  values.reduce<string | null>((a, b) => (a === null || b < a ? b : a), null);
const maxOf = (values: string[]): string | null =>
  values.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);

/**
 * Folds new members into a stored cluster view without reading its old members: counts, first/last
 * seen, strongest modality, status, independent sources (from the stored source groups), facets and
 * sanctions. The result equals ClusterViewFactory.build over all members (a property test checks it).
 * Only for members of articles new to the cluster: when a member leaves (a newer engine replaced an
 * article's claims) the cluster is built again from its members.
 */
export class ClusterViewMerger {
  merge(stored: ClusterView, added: readonly ClaimRecord[]): ClusterView {
    if (added.length === 0) return stored;
    const members = [...added].sort((a, b) => byClaimId(a.claim_id, b.claim_id));
    const misplaced = members.find((member) => member.cluster_id !== stored.summary.id);
    if (misplaced)
      throw new Error(
        `CLUSTER.MIXED_MEMBERS: claim ${misplaced.claim_id} is not a member of ${stored.summary.id}`,
      );
    const sources = this.mergeSources(stored.state, members);
    const evidence = this.mergeEvidence(
      stored.facets.evidence_text,
      stored.state.evidence_claim_ids,
      members,
    );
    const sanctions = this.mergeSanctions(stored.sanctions, stored.state.sanction_flags, members);
    return {
      summary: this.mergeSummary(stored.summary, sources.count, members),
      facets: { ...this.mergeFacets(stored.facets, members), evidence_text: evidence.texts },
      sanctions: sanctions.record,
      state: {
        source_groups: sources.groups,
        unlinked_articles: sources.unlinked,
        evidence_claim_ids: evidence.claimIds,
        sanction_flags: sanctions.origins,
      },
    };
  }

  private mergeSources(stored: ClusterMergeState, members: ClaimRecord[]) {
    const { groups, unlinked } = foldSources(stored.source_groups, members);
    const total = stored.unlinked_articles + unlinked;
    return { groups, unlinked: total, count: groups.length + total };
  }

  /** The first MAX_EVIDENCE_TEXTS distinct texts in claim-id order of their first member. */
  private mergeEvidence(texts: string[], claimIds: string[], members: ClaimRecord[]) {
    const first = new Map<string, string>();
    texts.forEach((text, i) => first.set(text, claimIds[i]));
    for (const member of members) {
      const known = first.get(member.evidence.text);
      if (known === undefined || byClaimId(member.claim_id, known) < 0)
        first.set(member.evidence.text, member.claim_id);
    }
    const kept = [...first.entries()].sort((a, b) => byClaimId(a[1], b[1])).slice(0, MAX_EVIDENCE_TEXTS);
    return { texts: kept.map(([text]) => text), claimIds: kept.map(([, id]) => id) };
  }

  private mergeSummary(
    stored: ClusterSummary,
    independentSources: number,
    members: ClaimRecord[],
  ): ClusterSummary {
    const supporting = members.filter((member) => member.modality !== 'denied');
    const denials = members.filter((member) => member.modality === 'denied');
    const storedSupports = stored.modality !== 'denied';
    const modalities = new Set<Modality>([
      ...(storedSupports ? [stored.modality] : []),
      ...supporting.map((member) => member.modality),
    ]);
    const statuses = new Set<ClaimStatus>([
      ...(storedSupports ? [stored.status] : []),
      ...supporting.map((member) => member.status),
    ]);
    const modality = MODALITY_STRENGTH.find((candidate) => modalities.has(candidate)) ?? 'denied';
    const status = STATUS_PROGRESS.find((candidate) => statuses.has(candidate)) ?? 'unknown';
    const outlets = distinctSorted(
      stored.outlets,
      members.map((member) => (member.outlet ? sourceName(member.outlet) : null)),
    );
    const languages = distinctSorted(
      stored.languages,
      members.map((member) => member.language),
    );
    const seen = members.map((member) => member.seen_at);
    const eventDates = members.map((member) => member.event_date).filter((d): d is string => !!d);
    const contradictions = sortedIds(
      stored.contradiction_claim_ids,
      denials.map((member) => member.claim_id),
    );
    return {
      ...stored,
      claim_count: stored.claim_count + members.length,
      // Only members of articles new to the cluster come here (see the class comment).
      article_count: stored.article_count + new Set(members.map((member) => member.article_id)).size,
      outlet_count: outlets.length,
      language_count: languages.length,
      independent_source_count: independentSources,
      outlets,
      languages,
      first_seen: minOf([stored.first_seen, ...seen]) ?? stored.first_seen,
      last_seen: maxOf([stored.last_seen, ...seen]) ?? stored.last_seen,
      event_date_from: minOf([...(stored.event_date_from ? [stored.event_date_from] : []), ...eventDates]),
      event_date_to: maxOf([...(stored.event_date_to ? [stored.event_date_to] : []), ...eventDates]),
      claimants: distinctSorted(
        stored.claimants,
        members.map((member) => member.claimant),
      ),
      reported_by: distinctSorted(
        stored.reported_by,
        members.flatMap((member) => member.reported_by),
      ),
      modality,
      status,
      items: distinctSorted(
        stored.items,
        members.flatMap((member) => member.items),
      ),
      instruments: distinctSorted(
        stored.instruments,
        members.map((member) => member.instrument),
      ),
      contradiction_claim_ids: contradictions,
      contradicted: contradictions.length > 0 && modality !== 'denied',
      max_confidence: Math.max(stored.max_confidence, ...members.map((member) => member.confidence)),
    };
  }

  private mergeFacets(stored: ClusterFacets, members: ClaimRecord[]): ClusterFacets {
    const parties = members.map(partyIdsOf);
    const undirected = members.some((member) => member.type === 'military_cooperation');
    const sources = parties.flatMap((p) => p.source_ids);
    const targets = parties.flatMap((p) => p.target_ids);
    return {
      actors: distinctSorted(stored.actors, sources, targets),
      source_ids: distinctSorted(stored.source_ids, undirected ? [...sources, ...targets] : sources),
      target_ids: distinctSorted(stored.target_ids, undirected ? [...sources, ...targets] : targets),
      modalities: distinctSorted(
        stored.modalities,
        members.map((member) => member.modality),
      ) as Modality[],
      evidence_text: stored.evidence_text,
    };
  }

  private mergeSanctions(stored: SanctionsRecord, origins: SanctionFlagOrigin[], members: ClaimRecord[]) {
    type Entry = SanctionFlagOrigin & { flag: SanctionsFlag };
    if (origins.length !== stored.flags.length)
      throw new Error('CLUSTER.STATE_MISMATCH: sanctions flags and their origins differ');
    const entries = new Map<string, Entry>();
    stored.flags.forEach((flag, i) => entries.set(origins[i].id, { ...origins[i], flag }));
    for (const member of members) {
      member.sanctions.flags.forEach((flag, index) => {
        const id = flagIdOf(flag);
        const at: FlagPosition = [member.claim_id, index];
        const known = entries.get(id);
        if (!known) {
          entries.set(id, { id, first: at, kept: at, flag });
          return;
        }
        const first = comparePositions(at, known.first) < 0 ? at : known.first;
        // The kept flag is the first definite one, else the first one.
        const better =
          (flag.certainty === 'definite' && known.flag.certainty !== 'definite') ||
          (flag.certainty === known.flag.certainty && comparePositions(at, known.kept) < 0);
        entries.set(id, better ? { id, first, kept: at, flag } : { ...known, first });
      });
    }
    const list = [...entries.values()].sort((a, b) => comparePositions(a.first, b.first));
    const flags = list.map((entry) => entry.flag);
    const instruments = [
      ...new Set(
        flags.flatMap((flag) => [flag.instrument, ...flag.also_instruments]).filter((i): i is string => !!i),
      ),
    ];
    return {
      record: { relevant: flags.length > 0, instruments, flags },
      origins: list.map(({ id, first, kept }) => ({ id, first, kept })),
    };
  }
}
