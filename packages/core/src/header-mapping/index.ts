export { applyHeaderMapping, compileHeaderMapping, mergeMappedHeaders } from './apply-header-mapping.js';
export type { CompiledHeaderMapping } from './apply-header-mapping.js';
export { resolveAuthorizationSubjects } from './resolve-authorization-subjects.js';
