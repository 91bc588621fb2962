import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReportReadRepository } from '@sitrep/persistence/reports/report-read.repository';
import type { MatrixCellDto, MatrixDto } from '../../dto/report.response.dto';
import { GetPairMatrixQuery } from './get-pair-matrix.query';

/** Cells from one SQL aggregate, their top items from a second (ranked per pair in SQL). */
@QueryHandler(GetPairMatrixQuery)
export class GetPairMatrixHandler implements IQueryHandler<GetPairMatrixQuery> {
  constructor(private readonly reports: ReportReadRepository) {}

  async execute({ filter }: GetPairMatrixQuery): Promise<MatrixDto> {
    const { pairs, items } = await this.reports.matrix(filter);
    const cells = new Map<string, MatrixCellDto>(
      pairs.map((pair) => [`${pair.source}|${pair.target}`, { ...pair, items: [] }]),
    );
    for (const item of items) {
      cells.get(`${item.source}|${item.target}`)?.items.push({ item: item.item, claims: item.claims });
    }
    const distinct = (values: string[]) => [...new Set(values)];
    return {
      type: filter.type,
      from_month: filter.fromMonth ?? null,
      to_month: filter.toMonth ?? null,
      sources: distinct(pairs.map((pair) => pair.source)),
      targets: distinct(pairs.map((pair) => pair.target)),
      cells: [...cells.values()],
    };
  }
}
