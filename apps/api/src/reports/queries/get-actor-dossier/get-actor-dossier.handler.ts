import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CounterpartRow, ReportReadRepository } from '@sitrep/persistence/reports/report-read.repository';
import { ActorDirectory } from '../../../timeline/actor.directory';
import type { ActorDossierDto, CounterpartGroupDto } from '../../dto/report.response.dto';
import { GetActorDossierQuery } from './get-actor-dossier.query';

/** Limits of the dossier's lists (documented in the OpenAPI descriptions). */
export const DOSSIER_LIMITS = { counterparts: 20, sanctionsClusters: 100, top: 10, languages: 50 };

const iso = (date: Date | string | null): string | null => (date ? new Date(date).toISOString() : null);

/** Every figure of the dossier is an exact SQL aggregate over the actor's current claims. */
@QueryHandler(GetActorDossierQuery)
export class GetActorDossierHandler implements IQueryHandler<GetActorDossierQuery> {
  constructor(
    private readonly actors: ActorDirectory,
    private readonly reports: ReportReadRepository,
  ) {}

  async execute({ actorId }: GetActorDossierQuery): Promise<ActorDossierDto | null> {
    const actor = this.actors.find(actorId);
    if (!actor) return null;
    const id = actor.id;
    const [totals, counterparts, months, sanctions, instruments, claimants, outlets, languages] =
      await Promise.all([
        this.reports.actorTotals(id),
        this.reports.counterparts(id, DOSSIER_LIMITS.counterparts),
        this.reports.months(id),
        this.reports.sanctionsRelevantClusters(id, DOSSIER_LIMITS.sanctionsClusters),
        this.reports.sanctionsInstruments(id),
        this.reports.topBy(id, 'claimant', DOSSIER_LIMITS.top),
        this.reports.topBy(id, 'outlet', DOSSIER_LIMITS.top),
        this.reports.topBy(id, 'language', DOSSIER_LIMITS.languages),
      ]);
    return {
      actor,
      first_seen: iso(totals.first_seen),
      last_seen: iso(totals.last_seen),
      totals: { claims: totals.claims, clusters: totals.clusters, articles: totals.articles },
      counterparts: this.groups(counterparts),
      months,
      sanctions: {
        total: sanctions.total,
        instruments,
        clusters: sanctions.items.map((cluster) => ({
          ...cluster,
          link: `/v1/clusters/${cluster.id}`,
        })),
      },
      claimants,
      outlets,
      languages,
    };
  }

  private groups(rows: CounterpartRow[]): CounterpartGroupDto[] {
    const groups = new Map<string, CounterpartGroupDto>();
    for (const row of rows) {
      const key = `${row.type}|${row.role}`;
      const group = groups.get(key) ?? { type: row.type, role: row.role, counterparts: [] };
      groups.set(key, group);
      group.counterparts.push({
        actor: row.counterpart,
        name: this.actors.find(row.counterpart)?.name ?? null,
        claims: row.claims,
        clusters: row.clusters,
        articles: row.articles,
      });
    }
    return [...groups.values()];
  }
}
