import type { HostValidator } from '../binding-api/client-context.js';
import { BindingError } from '../binding-api/binding-error.js';
import { HostBlocker } from '../validation/host-blocking.js';
import type { HostBlockingConfig } from '../validation/host-blocking.js';

/**
 * The host validator handed to clients: the same block list as validation, but also applied to
 * every address the host name resolves to right before connecting, so a name that later resolves
 * into a blocked range (DNS rebinding) is still refused. A name that does not resolve is a
 * configuration problem (bindings.md §0.2).
 * @public
 */
export function createHostValidator(config: HostBlockingConfig = {}): HostValidator {
  const blocker = new HostBlocker(config);
  return {
    async assertAllowed(host: string): Promise<void> {
      let reason: string | undefined;
      try {
        reason = await blocker.reasonAfterLookup(host);
      } catch (error) {
        throw new BindingError('TWINLINK_ERR_HOST_UNRESOLVABLE', 'misconfigured', `The host '${host}' could not be resolved.`, { cause: error });
      }
      if (reason !== undefined) {
        throw new BindingError('TWINLINK_ERR_HOST_BLOCKED', 'misconfigured', `The host '${host}' is blocked because ${reason}.`);
      }
    },
  };
}
