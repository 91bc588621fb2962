export * from './report-read.repository';
export * from './row-stream.repository';
