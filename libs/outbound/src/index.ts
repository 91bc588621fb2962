export * from './address-policy';
export * from './outbound.error';
export * from './safe-http.client';
