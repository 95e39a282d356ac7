/**
 * Conformance suite and test helpers for twinlink bindings.
 * @packageDocumentation
 */
export { runBindingConformance } from './run-binding-conformance.js';
export type { ConformanceOptions, Endpoint, Observer, ObservedMessage, TestAddresses } from './conformance-options.js';
export { createClientHarness, resolvePlugin } from './client-harness.js';
export type { ClientHarness } from './client-harness.js';
export { RecordingSink } from './recording-sink.js';
export type { RecordedDelivery } from './recording-sink.js';
export { startFaultyTcpProxy } from './faulty-tcp-proxy.js';
export type { FaultyTcpProxy } from './faulty-tcp-proxy.js';
export { generatePki } from './test-pki.js';
export type { TestPki } from './test-pki.js';
export { expectedAws4Authorization } from './aws4-reference.js';
export type { Aws4Parameters, SignedRequest } from './aws4-reference.js';
