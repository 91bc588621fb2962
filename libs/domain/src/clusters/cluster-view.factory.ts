import { SanctionsFlag } from '../sanctions/sanctions-regime.model';
import { ClaimClusterer } from './claim.clusterer';
import { ClaimRecord, SanctionsRecord } from './claim-record.model';
import { ClusterFacets, clusterFacetsOf } from './cluster-facets';
import { ClusterMergeState, clusterMergeStateOf } from './cluster-merge-state';
import { ClusterSummary } from './cluster.model';

/** What is stored for a cluster, computed from its current members. */
export interface ClusterView {
  summary: ClusterSummary;
  facets: ClusterFacets;
  sanctions: SanctionsRecord;
  /** What ClusterViewMerger needs to fold new members in without reading the old ones. */
  state: ClusterMergeState;
}

/** A cluster's sanctions: every distinct flag of its members (by measure and instrument). */
export function clusterSanctionsOf(members: readonly ClaimRecord[]): SanctionsRecord {
  const flags = new Map<string, SanctionsFlag>();
  for (const member of [...members].sort((a, b) => a.claim_id.localeCompare(b.claim_id))) {
    for (const flag of member.sanctions.flags) {
      const id = `${flag.measure_id}|${flag.instrument ?? ''}`;
      const known = flags.get(id);
      // A definite match of any member makes the cluster's match definite.
      if (!known || (known.certainty === 'possible' && flag.certainty === 'definite')) flags.set(id, flag);
    }
  }
  const list = [...flags.values()];
  const instruments = [
    ...new Set(
      list.flatMap((flag) => [flag.instrument, ...flag.also_instruments]).filter((i): i is string => !!i),
    ),
  ];
  return { relevant: list.length > 0, instruments, flags: list };
}

/** Builds the stored view of a cluster from its current members; null when it has none left. Pure. */
export class ClusterViewFactory {
  // Members carry their folded ids already: the key is rebuilt from those, without folding again.
  private readonly clusterer = new ClaimClusterer();

  build(members: readonly ClaimRecord[]): ClusterView | null {
    if (members.length === 0) return null;
    const first = members[0];
    const key = this.clusterer.keys.keyOf({
      ...first,
      source: first.source_country,
      target: first.target_country,
    });
    if (members.some((member) => member.cluster_id !== key.id)) {
      throw new Error(`CLUSTER.MIXED_MEMBERS: members of several clusters given for ${key.id}`);
    }
    return {
      summary: this.clusterer.summarize(key, members),
      facets: clusterFacetsOf(members),
      sanctions: clusterSanctionsOf(members),
      state: clusterMergeStateOf(members),
    };
  }
}
