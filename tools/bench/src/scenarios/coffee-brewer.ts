/**
 * The message shapes of Ditto's own connectivity benchmark: every device modifies
 * `features/coffee-brewer/properties/brewed-coffees` of its thing and says who it is in a
 * `device_id` header, which the source's enforcement checks against the thing id.
 */

/** The subject of the benchmark connections; every thing's policy grants it READ and WRITE. */
export const BENCH_SUBJECT = 'integration:bench';

const NAMESPACE = 'bench';

export function thingName(thing: number): string {
  return `thing-${thing}`;
}

export function thingId(thing: number): string {
  return `${NAMESPACE}:${thingName(thing)}`;
}

const PATH = '/features/coffee-brewer/properties/brewed-coffees';

function envelope(thing: number, id: string, channelAndAction: string): string {
  // Built as text: the generator must not be the bottleneck it measures.
  return `{"topic":"${NAMESPACE}/${thingName(thing)}/things/${channelAndAction}","headers":{"correlation-id":"${id}","content-type":"application/json"},"path":"${PATH}","value":${id.length + thing}}`;
}

/** A twin command changing the brewed coffees: the full lane's message. */
export function twinModify(thing: number, id: string): string {
  return envelope(thing, id, 'twin/commands/modify');
}

/** A live event with the same content: routed to subscribers without touching the twin (passthrough lane). */
export function liveEvent(thing: number, id: string): string {
  return envelope(thing, id, 'live/events/modified');
}

/** The device's headers: `device_id` is what the source enforcement checks. */
export function deviceHeaders(thing: number): Record<string, string> {
  return { device_id: thingId(thing) };
}

/** A thing with its own policy (granting the benchmark subject and the API user), in the shape `PUT /api/2/things/{id}` takes. */
export function thingWithOwnPolicy(apiSubject: string): Record<string, unknown> {
  const grant = { grant: ['READ', 'WRITE'], revoke: [] };
  return {
    _policy: {
      entries: {
        DEVICE: {
          subjects: { [BENCH_SUBJECT]: { type: 'benchmark device' }, [apiSubject]: { type: 'benchmark operator' } },
          resources: { 'thing:/': grant, 'policy:/': grant, 'message:/': grant },
        },
      },
    },
    definition: 'org.eclipse.ditto:coffeebrewer:0.1.0',
    features: { 'coffee-brewer': { properties: { 'brewed-coffees': 0 } } },
  };
}
