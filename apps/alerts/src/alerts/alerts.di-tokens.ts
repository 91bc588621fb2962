export const ALERTS_OPTIONS = Symbol('ALERTS_OPTIONS');
