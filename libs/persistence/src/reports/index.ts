export * from './report-read.repository';
