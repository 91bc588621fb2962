export * from './claim-marks.repository';
