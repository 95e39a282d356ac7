export { checkEnforcement, enforcementFailedError, evaluateEnforcement } from './check-enforcement.js';
export type { EnforcementConfig, EnforcementEntity, EnforcementInputSource, EnforcementMessage } from './check-enforcement.js';
