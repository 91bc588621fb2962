export * from './sanctions-regime.model';
export * from './sanctions.evaluator';
