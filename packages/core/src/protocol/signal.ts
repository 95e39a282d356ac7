import type { DittoErrorJson } from '../errors/ditto-error.js';
import type { MessageDirection } from './message-path.js';
import type { ThingResource } from './thing-resource.js';
import type { CommandAction, EventAction, SearchAction, StreamingAction, TopicChannel, TopicPath } from './topic-path.js';

/** Fields every classified signal has. */
interface SignalBase {
  readonly topicPath: TopicPath;
}

/** A thing command (twin or live). `resource.kind === 'things'` never occurs: see {@link RetrieveThingsSignal}. */
export interface ThingCommandSignal extends SignalBase {
  readonly kind: 'command';
  readonly channel: TopicChannel;
  readonly action: CommandAction;
  readonly resource: ThingResource;
  readonly thingId: string;
}

/** Retrieve several things: `<ns>/_/things/<channel>/commands/retrieve` at `/` with `{"thingIds": […]}`. */
export interface RetrieveThingsSignal extends SignalBase {
  readonly kind: 'retrieveThings';
  readonly channel: TopicChannel;
  readonly thingIds: readonly string[];
}

/** A response to a thing command (twin or live): command topic and path plus `status`. */
export interface ThingCommandResponseSignal extends SignalBase {
  readonly kind: 'commandResponse';
  readonly channel: TopicChannel;
  readonly action: CommandAction;
  readonly resource: ThingResource;
  readonly thingId: string;
  readonly status: number;
}

/** A thing event (twin or live). */
export interface ThingEventSignal extends SignalBase {
  readonly kind: 'event';
  readonly channel: TopicChannel;
  readonly action: EventAction;
  readonly resource: ThingResource;
  readonly thingId: string;
}

/** A live message (thing or feature level); with `status` it is a {@link MessageResponseSignal}. */
export interface MessageSignal extends SignalBase {
  readonly kind: 'message';
  readonly channel: 'live';
  readonly thingId: string;
  readonly direction: MessageDirection;
  readonly subject: string;
  readonly featureId?: string;
}

/** A response to a live message. */
export interface MessageResponseSignal extends Omit<MessageSignal, 'kind'> {
  readonly kind: 'messageResponse';
  readonly status: number;
}

/** A single acknowledgement. */
export interface AcknowledgementSignal extends SignalBase {
  readonly kind: 'acknowledgement';
  readonly channel: TopicChannel;
  readonly thingId: string;
  readonly label: string;
  readonly status: number;
}

/** Aggregated acknowledgements. */
export interface AcknowledgementsSignal extends SignalBase {
  readonly kind: 'acknowledgements';
  readonly channel: TopicChannel;
  readonly thingId: string;
  readonly status: number;
}

/** A policy (`subjectDeletion`) or connection (`opened`/`closed`) announcement. */
export interface AnnouncementSignal extends SignalBase {
  readonly kind: 'announcement';
  readonly group: 'policies' | 'connections';
  readonly name: string;
  /** Policy id or connection id. */
  readonly entityId?: string;
}

/** An error response of any group. */
export interface ErrorResponseSignal extends SignalBase {
  readonly kind: 'errorResponse';
  readonly status: number;
  /** The error object from `value`, when it has Ditto's error shape. */
  readonly error?: DittoErrorJson;
}

/** A search protocol signal (support is optional). */
export interface SearchSignal extends SignalBase {
  readonly kind: 'search';
  readonly action: SearchAction;
  readonly optional: true;
}

/** A streaming subscription signal (support is optional). */
export interface StreamingSignal extends SignalBase {
  readonly kind: 'streaming';
  readonly action: StreamingAction;
  readonly optional: true;
}

/** A policy command; with `status` it is a policy command response. */
export interface PolicyCommandSignal extends SignalBase {
  readonly kind: 'policyCommand' | 'policyCommandResponse';
  readonly action: CommandAction;
  readonly policyId: string;
  /** Normalised path inside the policy. */
  readonly path: string;
  readonly status?: number;
}

/** A classified Ditto Protocol message (protocol.md §2–§10). */
export type ProtocolSignal =
  | ThingCommandSignal
  | RetrieveThingsSignal
  | ThingCommandResponseSignal
  | ThingEventSignal
  | MessageSignal
  | MessageResponseSignal
  | AcknowledgementSignal
  | AcknowledgementsSignal
  | AnnouncementSignal
  | ErrorResponseSignal
  | SearchSignal
  | StreamingSignal
  | PolicyCommandSignal;

/** The kind discriminator of {@link ProtocolSignal}. */
export type ProtocolSignalKind = ProtocolSignal['kind'];
