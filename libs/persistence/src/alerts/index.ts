export * from './alerts.repository';
export { READY_MADE_ALERT_RULE_ID } from '../migrations/1795660000000-create-alerts.migration';
