export { withBrokers } from './with-brokers.js';
export type { JestProjectConfig } from './with-brokers.js';
export { requireBrokerEnv } from './require-broker-env.js';
export { missingKinds } from './missing-kinds.js';
