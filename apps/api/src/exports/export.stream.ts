import type { Readable, Transform } from 'node:stream';

/** What an export query hands the controller: database rows, the stages that format them, the headers. */
export interface ExportStream {
  rows: Readable;
  stages: Transform[];
  contentType: string;
  filename: string;
}
