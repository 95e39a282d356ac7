import type { TwinApplyResult } from './engine-context.js';
import { TwinEngine } from './twin-engine.js';

/**
 * Runs one Ditto Protocol message (JSON text or object) against a twin engine — a fresh in-memory
 * one when none is given — so tools can inspect the response and events without a server.
 */
export function applyTwinCommand(envelope: unknown, authorizationSubjects: readonly string[], engine: TwinEngine = new TwinEngine()): Promise<TwinApplyResult> {
  return engine.apply(envelope, authorizationSubjects);
}
