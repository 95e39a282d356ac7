import { CLOUD_EVENTS_MAPPER } from './cloud-events-mapper.js';
import { CONNECTION_STATUS_MAPPER } from './connection-status-mapper.js';
import { DITTO_MAPPER } from './ditto-mapper.js';
import { IMPLICIT_THING_CREATION_MAPPER } from './implicit-thing-creation-mapper.js';
import { MapperRegistry } from './mapper-registry.js';
import { NORMALIZED_MAPPER } from './normalized-mapper.js';
import type { PayloadMapper } from './payload-mapper.js';
import { RAW_MESSAGE_MAPPER } from './raw-message-mapper.js';
import { UPDATE_TWIN_WITH_LIVE_RESPONSE_MAPPER } from './update-twin-with-live-response-mapper.js';

/** The mappers built into twinlink (mapping.md §4; the JavaScript mapper is added separately). @public */
export const BUILT_IN_MAPPERS: readonly PayloadMapper[] = [
  DITTO_MAPPER,
  NORMALIZED_MAPPER,
  CONNECTION_STATUS_MAPPER,
  RAW_MESSAGE_MAPPER,
  IMPLICIT_THING_CREATION_MAPPER,
  UPDATE_TWIN_WITH_LIVE_RESPONSE_MAPPER,
  CLOUD_EVENTS_MAPPER,
];

/** A new registry with the built-in mappers and the given custom ones. @public */
export function createMapperRegistry(custom: Iterable<PayloadMapper> = []): MapperRegistry {
  return new MapperRegistry([...BUILT_IN_MAPPERS, ...custom]);
}
