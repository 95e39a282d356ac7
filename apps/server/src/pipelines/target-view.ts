import { cachedTemplate, containsPlaceholder, parseNamespacedId, reconstructThingFromEvent } from '@twinlink/core';
import type { ExtraFieldsResolver, OutboundSignalView, PlaceholderContext, RqlPlaceholderLookup } from '@twinlink/core';
import type { OutboundSignal } from './outbound-signal.js';

/** The topic-matching view of a signal plus what extraFields placeholders resolve against. */
export interface SignalViews {
  readonly view: OutboundSignalView;
  readonly resolveExtraFields: ExtraFieldsResolver;
}

const MAX_PLACEHOLDER_VALUES = 100;

/** The views of one signal, built once and shared by every target of every connection. */
export function signalViews(signal: OutboundSignal, context: PlaceholderContext): SignalViews {
  const lookup: RqlPlaceholderLookup = (prefix, name) => {
    try {
      const element = cachedTemplate(`{{ ${prefix}:${name} }}`).evaluate(context);
      return element.kind === 'resolved' ? element.values : undefined;
    } catch {
      return undefined;
    }
  };
  const view: OutboundSignalView = {
    kind: signal.kind,
    ...(signal.namespace !== undefined ? { namespace: signal.namespace } : {}),
    thing: signal.kind === 'twin-events' || signal.kind === 'live-events' ? reconstructThingFromEvent(signal.message) : signal.thingId !== undefined ? { thingId: signal.thingId } : {},
    placeholders: lookup,
  };
  const resolveExtraFields: ExtraFieldsResolver = (pointers) =>
    pointers.flatMap((pointer) => {
      if (!containsPlaceholder(pointer)) return [pointer];
      try {
        const element = cachedTemplate(pointer).evaluate(context);
        return element.kind === 'resolved' ? element.values.slice(0, MAX_PLACEHOLDER_VALUES) : [];
      } catch {
        return [];
      }
    });
  return { view, resolveExtraFields };
}

/** The namespace of an entity id, when it has one. */
export function namespaceOf(entityId: string | undefined): string | undefined {
  return entityId === undefined ? undefined : parseNamespacedId(entityId)?.namespace;
}

/** Extra-field pointers as a Ditto field selector (`/attributes/a` → `attributes/a`). */
export function fieldSelectorOf(pointers: readonly string[]): string {
  return pointers.map((pointer) => pointer.replace(/^\/+/, '')).join(',');
}
