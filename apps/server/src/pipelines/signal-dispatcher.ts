import type { DittoProtocolMessage, MessageSignal, ProtocolSignal, ThingCommandSignal, ThingEventSignal, TopicKind } from '@twinlink/core';
import type { TwinEngine, TwinEvent } from '@twinlink/twins';
import type { LivePermissions } from '../twins/live-permissions.js';
import type { OutboundPipeline } from './outbound-pipeline.js';
import type { OutboundSignal } from './outbound-signal.js';
import { namespaceOf } from './target-view.js';

/** A live signal that goes to live subscribers. */
export type RoutedLiveSignal = ThingCommandSignal | ThingEventSignal | MessageSignal;

/** The outbound form of a twin event, with the event's READ subjects and partial views. */
export function twinEventSignal(event: TwinEvent): OutboundSignal {
  return {
    message: event.event,
    kind: 'twin-events',
    thingId: event.thingId,
    ...(namespaceOf(event.thingId) !== undefined ? { namespace: namespaceOf(event.thingId) as string } : {}),
    readGranted: event.readGrantedSubjects,
    readRevoked: event.readRevokedSubjects,
    viewFor: (subjects) => event.viewFor(subjects),
  };
}

function liveKindOf(signal: RoutedLiveSignal): TopicKind {
  if (signal.kind === 'message') return 'live-messages';
  return signal.kind === 'event' ? 'live-events' : 'live-commands';
}

/**
 * Inbound step 8: twin commands to the twin engine (whose events go to the outbound pipeline),
 * live commands, events and messages to the targets subscribed to them. Resolves only when the
 * caused events were published or dropped, so slow targets slow the sources down instead of
 * filling memory.
 */
export class SignalDispatcher {
  private readonly deliveries = new WeakMap<TwinEvent, Promise<void>>();

  constructor(
    private readonly twins: TwinEngine,
    private readonly outbound: OutboundPipeline,
    private readonly permissions: LivePermissions,
  ) {
    twins.subscribe((event) => this.deliveries.set(event, this.outbound.dispatch(twinEventSignal(event)).catch(() => undefined)));
  }

  /** Applies a twin or policy command (classified here when `signal` is absent); resolves with its response once its events went out. */
  async applyTwin(message: DittoProtocolMessage, signal: ProtocolSignal | undefined, subjects: readonly string[]): Promise<DittoProtocolMessage> {
    const result = await this.twins.apply(message, subjects, signal);
    for (const event of result.events) await this.deliveries.get(event);
    return result.response;
  }

  /**
   * Routes a live signal to the live subscribers that may read it.
   * @throws DittoError when the sender may not send it (404/403)
   */
  async routeLive(message: DittoProtocolMessage, signal: RoutedLiveSignal, subjects: readonly string[]): Promise<void> {
    const readers = this.permissions.authorize(signal, message.path, subjects);
    const namespace = namespaceOf(signal.thingId);
    await this.outbound.dispatch({
      message,
      kind: liveKindOf(signal),
      thingId: signal.thingId,
      ...(namespace !== undefined ? { namespace } : {}),
      readGranted: readers.granted,
      readRevoked: readers.revoked,
    });
  }
}
