import { placeholderContextOf, postMatchTargetTopics, preMatchTargetTopics } from '@twinlink/core';
import type { Connection, DittoProtocolMessage, JsonObject, Publisher } from '@twinlink/core';
import type { AnnouncementDelivery, AnnouncementSink } from '../announcements/announcement-sink.js';
import type { ConnectionMonitoring, ConnectionRecorder } from '../observability/connection-monitoring.js';
import type { AckBus } from './ack-bus.js';
import { compiledConnection } from './compiled-connection.js';
import type { CompiledConnection, CompiledTarget } from './compiled-connection.js';
import { FlowGate } from './flow-gate.js';
import { issueAcks, requestedLabels } from './issued-acks.js';
import type { TargetResult } from './issued-acks.js';
import { isReadable } from './outbound-signal.js';
import type { OutboundSignal } from './outbound-signal.js';
import { PublishDeadlines } from './publish-deadlines.js';
import { publishSignal } from './publish-signal.js';
import type { PublishTools } from './publish-signal.js';
import type { PublisherRegistry } from './publisher-registry.js';
import { fieldSelectorOf, signalViews } from './target-view.js';
import type { SignalViews } from './target-view.js';

/** Fetches the partial thing for `extraFields` with the target's subjects. */
export type EnrichmentSource = (thingId: string, fields: string, subjects: readonly string[]) => Promise<JsonObject | undefined>;

/** What the outbound pipeline is built from. */
export interface OutboundPipelineDeps {
  readonly publishers: PublisherRegistry;
  readonly monitoring: ConnectionMonitoring;
  readonly acks: AckBus;
  readonly enrich: EnrichmentSource;
  /** Publishes that may wait for a busy publisher, per connection, before signals are dropped; default 1000. */
  readonly maxWaitingPublishes?: number;
  /** Longest a publish may take; default 60 s. */
  readonly publishTimeoutMs?: number;
}

/**
 * Outbound data flow (README steps 2–9): every signal goes once to every running connection (one
 * client publishes it, whatever `clientCount`), and there to each target that may read it, subscribed
 * to its kind and passing its namespace and RQL filters — enriched with `extraFields`, reduced to what
 * the target may read, mapped, header-mapped, addressed and published. Targets with an
 * `issuedAcknowledgementLabel` the signal requested answer with the publish outcome or a weak ack.
 */
export class OutboundPipeline implements AnnouncementSink {
  private readonly gates = new Map<string, FlowGate>();
  private readonly deadlines: PublishDeadlines;

  constructor(private readonly deps: OutboundPipelineDeps) {
    this.deadlines = new PublishDeadlines(deps.publishTimeoutMs ?? 60_000);
  }

  /** Publishes a signal to every connection; resolves when every publish finished or was dropped. */
  async dispatch(signal: OutboundSignal): Promise<void> {
    let views: SignalViews | undefined;
    const tasks: Promise<void>[] = [];
    for (const { connection, publisher } of this.deps.publishers.connected()) {
      if (signal.onlyConnection !== undefined && signal.onlyConnection !== connection.id) continue;
      views ??= signalViews(signal, placeholderContextOf(signal.message, { connectionId: null, time: true }));
      tasks.push(this.toConnection(signal, views, compiledConnection(connection), publisher));
    }
    if (tasks.length > 0) await Promise.all(tasks);
  }

  /** {@link AnnouncementSink}: a connection's own opened/closed announcement to its announcement targets. */
  async publish(delivery: AnnouncementDelivery): Promise<void> {
    const { connection, announcement, publisher } = delivery;
    if (publisher === undefined) return;
    const signal: OutboundSignal = { message: announcement, kind: 'connection-announcements', onlyConnection: connection.id };
    await this.toConnection(signal, signalViews(signal, placeholderContextOf(announcement, { time: true })), compiledConnection(connection), publisher);
  }

  /** The publisher gate of a connection (its bound on publishes in flight and waiting). */
  private gateOf(connectionId: string, publisher: Publisher): FlowGate {
    let gate = this.gates.get(connectionId);
    if (gate === undefined) this.gates.set(connectionId, (gate = new FlowGate(publisher.maxInFlight, this.deps.maxWaitingPublishes ?? 1000)));
    else gate.resize(publisher.maxInFlight);
    return gate;
  }

  /** How a connection publishes: through its gate, counted by its recorder, bounded by the publish timeout. */
  toolsOf(connection: Connection, publisher: Publisher): PublishTools {
    const recorder = this.deps.monitoring.recorder(connection.id, connection.connectionType);
    return { publisher, gate: this.gateOf(connection.id, publisher), recorder, deadlines: this.deadlines };
  }

  private async toConnection(signal: OutboundSignal, views: SignalViews, compiled: CompiledConnection, publisher: Publisher): Promise<void> {
    const connection = compiled.connection;
    const tools = this.toolsOf(connection, publisher);
    const recorder = tools.recorder;
    const requested = requestedLabels(signal.message, signal.kind, compiled);
    // Loop prevention: a connection does not get back the signals its own sources caused (ditto-origin).
    const ownSignal = signal.message.headers['ditto-origin'] === connection.id && signal.onlyConnection === undefined;
    const results = await Promise.all(
      compiled.targets.map((target) => (ownSignal ? 'skipped' : this.toTarget(signal, views, target, tools, recorder).catch((): TargetResult => 'skipped'))),
    );
    if (requested.size > 0) issueAcks({ message: signal.message, kind: signal.kind, compiled, requested, results }, this.deps.acks, recorder);
  }

  private async toTarget(signal: OutboundSignal, views: SignalViews, target: CompiledTarget, tools: PublishTools, recorder: ConnectionRecorder): Promise<TargetResult> {
    const subjects = target.target.authorizationContext;
    if (signal.onlyConnection === undefined && !isReadable(signal, subjects)) return 'skipped';
    const pre = preMatchTargetTopics(target.entries, views.view, views.resolveExtraFields);
    if (pre.candidates.length === 0) return 'skipped';
    const correlation = signal.message.headers['correlation-id'];
    const base = { direction: 'outbound' as const, address: target.target.address, ...(typeof correlation === 'string' ? { correlationId: correlation } : {}) };
    recorder.record({ ...base, type: 'dispatched', success: true });
    let extra: JsonObject | undefined;
    if (pre.extraFields.length > 0 && signal.thingId !== undefined) {
      try {
        extra = (await this.deps.enrich(signal.thingId, fieldSelectorOf(pre.extraFields), subjects)) ?? {};
      } catch (error) {
        recorder.record({ ...base, type: 'dropped', success: false, message: `Enrichment failed: ${error instanceof Error ? error.message : String(error)}` });
        return { published: false, status: 500, reason: 'Enrichment failed.' };
      }
    }
    const entry = postMatchTargetTopics(pre, views.view, extra);
    if (entry === null) return 'skipped';
    recorder.record({ ...base, type: 'filtered', success: true });
    let message: DittoProtocolMessage | undefined = signal.viewFor === undefined ? signal.message : signal.viewFor(subjects);
    if (message === undefined) return 'skipped';
    if (extra !== undefined && Object.keys(extra).length > 0) message = { ...message, extra };
    return publishSignal(message, target.route, tools, views.view.thing);
  }
}
