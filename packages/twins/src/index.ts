/**
 * twinlink twins: the embedded twin backend — things and policies with Ditto's policy semantics,
 * the twin commands of the Ditto Protocol, events with read-granted subjects, expiring policy
 * subjects with their deletion announcements, and persistence.
 * @packageDocumentation
 */
export { TwinEngine } from './engine/twin-engine.js';
export type { TwinEngineOptions } from './engine/twin-engine.js';
export { applyTwinCommand } from './engine/apply-twin-command.js';
export type { TwinApplyResult, TwinLimits } from './engine/engine-context.js';
export { TwinEvent } from './engine/twin-event.js';
export type { TwinEventListener } from './engine/twin-event.js';
export type { AnnouncementOutcome, PolicyAnnouncement, PolicyAnnouncementListener } from './engine/policy-announcement.js';
export type { SubjectExpiryOptions } from './expiry/subject-expiry-options.js';
export type { TwinTimers } from './expiry/twin-timers.js';
export { PolicyEnforcer } from './auth/policy-enforcer.js';
export type { Permission, ResourceType } from './auth/permissions.js';
export type { PolicyRecord, ThingRecord, TwinStore, TwinStoreStats, TwinWrite } from './store/twin-store.js';
export { MemoryTwinStore } from './store/memory-twin-store.js';
export { SqliteTwinStore } from './store/sqlite-twin-store.js';
export type { SqliteTwinStoreOptions } from './store/sqlite-twin-store.js';
export { applyMergePatch } from './json/merge-patch.js';
