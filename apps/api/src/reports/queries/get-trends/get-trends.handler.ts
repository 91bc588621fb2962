import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReportReadRepository, TrendRow } from '@sitrep/persistence/reports/report-read.repository';
import type { TrendBucketDto, TrendsDto } from '../../dto/report.response.dto';
import { GetTrendsQuery } from './get-trends.query';

/** The start of the next UTC week or month. */
export function nextBucket(start: Date, interval: 'week' | 'month'): Date {
  const next = new Date(start);
  if (interval === 'week') next.setUTCDate(next.getUTCDate() + 7);
  else next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

/** Buckets from the first to the last row's, the empty ones included, so that a chart has no gaps. */
export function bucketsOf(rows: TrendRow[], interval: 'week' | 'month'): TrendBucketDto[] {
  if (rows.length === 0) return [];
  const byStart = new Map<number, TrendBucketDto>();
  const first = rows[0].bucket;
  const last = rows[rows.length - 1].bucket;
  for (let at = first; at.getTime() <= last.getTime(); at = nextBucket(at, interval)) {
    byStart.set(at.getTime(), {
      start: at.toISOString().slice(0, 10),
      claims: 0,
      clusters: 0,
      articles: 0,
      types: [],
    });
  }
  for (const row of rows) {
    const bucket = byStart.get(row.bucket.getTime());
    if (!bucket) continue;
    const counts = { claims: row.claims, clusters: row.clusters, articles: row.articles };
    if (row.type === null) Object.assign(bucket, counts);
    else bucket.types.push({ type: row.type, ...counts });
  }
  return [...byStart.values()];
}

@QueryHandler(GetTrendsQuery)
export class GetTrendsHandler implements IQueryHandler<GetTrendsQuery> {
  constructor(private readonly reports: ReportReadRepository) {}

  async execute({ filter }: GetTrendsQuery): Promise<TrendsDto> {
    const rows = await this.reports.trends(filter);
    return {
      interval: filter.interval,
      actor: filter.actor ?? null,
      types: filter.types ?? [],
      buckets: bucketsOf(rows, filter.interval),
    };
  }
}
