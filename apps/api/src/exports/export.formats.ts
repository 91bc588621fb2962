import { stringify } from 'csv-stringify';
import { Transform } from 'node:stream';
import type { ExportRow } from './export.columns';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** The separator of list values inside one CSV cell. */
export const CSV_LIST_SEPARATOR = '|';

/** Maps each database row to an export row, in object mode, keeping the stream's backpressure. */
export function mapRows<T>(map: (row: T) => ExportRow): Transform {
  return new Transform({
    objectMode: true,
    transform(row: T, _encoding, done) {
      try {
        done(null, map(row));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** Export rows to text: RFC 4180 CSV with a header line (csv-stringify), or one JSON object per line. */
export function formatRows(format: ExportFormat, columns: readonly string[]): Transform {
  if (format === 'csv') {
    return stringify({
      header: true,
      columns: [...columns],
      cast: {
        boolean: (value) => (value ? 'true' : 'false'),
        object: (value) => (Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : JSON.stringify(value)),
      },
    });
  }
  return new Transform({
    writableObjectMode: true,
    transform(row: ExportRow, _encoding, done) {
      done(null, `${JSON.stringify(row)}\n`);
    },
  });
}
