import type { Requirement } from '../lib/apt.js';
import type { BrokerKind, BrokerStarter } from '../types.js';

/** Everything this package knows about one broker kind. */
export interface BrokerDefinition {
  readonly kind: BrokerKind;
  /** The variables {@link BrokerDefinition.start} exports; a run may skip the kind when all are set. */
  readonly envNames: readonly string[];
  /** Executables the kind needs, with the Debian packages that provide them. */
  readonly requirements: readonly Requirement[];
  /** Downloads what apt cannot provide into the cache directory; reuses an earlier download. */
  readonly fetchArtifacts?: (cache: string) => Promise<void>;
  readonly start: BrokerStarter;
}
