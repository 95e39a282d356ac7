import { cachedTemplate, compileHeaderMapping, ConnectionMappers, parseTargetTopics, responseDiversionConfig } from '@twinlink/core';
import type { CompiledHeaderMapping, CompiledTemplate, Connection, MappingChain, ResponseDiversionConfig, ResponseType, Source, Target, TargetTopicEntry } from '@twinlink/core';
import type { PublishRoute } from './publish-signal.js';

/** A source's reply target with its templates compiled. */
export interface CompiledReplyTarget {
  readonly address: CompiledTemplate;
  readonly headerMapping: CompiledHeaderMapping;
  readonly responseTypes: ReadonlySet<ResponseType>;
}

/** What the inbound pipeline needs of one source, compiled once. */
export interface CompiledSource {
  readonly index: number;
  readonly source: Source;
  readonly headerMapping: CompiledHeaderMapping;
  readonly chain: MappingChain;
  readonly replyTarget?: CompiledReplyTarget;
  readonly declaredAcks: ReadonlySet<string>;
  /** `acknowledgementRequests.includes` with `{{connection:id}}` resolved (connection-model.md §5.2). */
  readonly ackIncludes: readonly string[];
  /** `authorizationContext` has placeholders that must be resolved per message. */
  readonly dynamicSubjects: boolean;
}

/** What the outbound pipeline needs of one target, compiled once. */
export interface CompiledTarget {
  readonly index: number;
  readonly target: Target;
  readonly entries: readonly TargetTopicEntry[];
  /** Where and how the target publishes: address, header mapping and payload mapping compiled. */
  readonly route: PublishRoute;
  /** `issuedAcknowledgementLabel` with `{{connection:id}}` resolved. */
  readonly issuedAck?: string;
}

/**
 * The compiled form of one connection: mappers configured once, header mappings, templates and topic
 * filters compiled once. A modified connection is a new object, so it is compiled again.
 */
export class CompiledConnection {
  readonly mappers: ConnectionMappers;
  readonly sources: readonly CompiledSource[];
  readonly targets: readonly CompiledTarget[];
  /** Every label the connection's targets issue (for weak acknowledgements). */
  readonly issuedAcks: ReadonlySet<string>;
  /** The response diversion keys of `specificConfig` (connection-model.md §10). */
  readonly diversion: ResponseDiversionConfig;

  constructor(readonly connection: Connection) {
    this.mappers = new ConnectionMappers({ id: connection.id, mappingDefinitions: connection.mappingDefinitions });
    this.sources = connection.sources.map((source, index) => this.compileSource(source, index));
    this.targets = connection.targets.map((target, index) => this.compileTarget(target, index));
    this.issuedAcks = new Set(this.targets.flatMap((target) => (target.issuedAck === undefined ? [] : [target.issuedAck])));
    this.diversion = responseDiversionConfig(connection.specificConfig);
  }

  private compileSource(source: Source, index: number): CompiledSource {
    const reply = source.replyTarget;
    return {
      index,
      source,
      headerMapping: compileHeaderMapping(source.headerMapping),
      chain: this.mappers.chain(source.payloadMapping),
      ...(reply
        ? { replyTarget: { address: cachedTemplate(reply.address), headerMapping: compileHeaderMapping(reply.headerMapping), responseTypes: new Set(reply.expectedResponseTypes) } }
        : {}),
      declaredAcks: new Set(source.declaredAcks.map((label) => this.withConnectionId(label))),
      ackIncludes: (source.acknowledgementRequests?.includes ?? []).map((label) => this.withConnectionId(label)),
      dynamicSubjects: source.authorizationContext.some((subject) => cachedTemplate(subject).hasPlaceholders),
    };
  }

  private compileTarget(target: Target, index: number): CompiledTarget {
    return {
      index,
      target,
      entries: parseTargetTopics(target.topics),
      route: {
        connectionId: this.connection.id,
        metricAddress: target.address,
        address: cachedTemplate(target.address),
        headerMapping: compileHeaderMapping(target.headerMapping),
        chain: this.mappers.chain(target.payloadMapping),
        subjects: target.authorizationContext,
        ...(target.qos !== undefined ? { qos: target.qos } : {}),
      },
      ...(target.issuedAcknowledgementLabel !== undefined ? { issuedAck: this.withConnectionId(target.issuedAcknowledgementLabel) } : {}),
    };
  }

  // Labels may be prefixed with the connection id placeholder (connection-model.md §7).
  private withConnectionId(label: string): string {
    return label.replace(/\{\{\s*connection:id\s*\}\}/g, this.connection.id);
  }
}

const compiled = new WeakMap<Connection, CompiledConnection>();

/** The compiled form of a connection, built on first use and shared by its consumers and targets. */
export function compiledConnection(connection: Connection): CompiledConnection {
  let entry = compiled.get(connection);
  if (entry === undefined) compiled.set(connection, (entry = new CompiledConnection(connection)));
  return entry;
}
