import type { BindingDefinition } from '../binding-api/binding-definition.js';
import { DittoError } from '../errors/ditto-error.js';
import type { Connection } from '../model/connection.js';
import { parseConnectionUri } from '../model/connection-uri.js';
import type { ConnectivityStatus } from '../model/connection.js';
import { parseConnection } from '../model/parse-connection.js';
import { BINDING_PACKAGE_BY_TYPE, BindingRegistry } from '../registry/binding-registry.js';
import { checkAcknowledgementLabels } from './ack-label-rules.js';
import { checkCapabilities, checkPlaceholders, checkUriScheme } from './binding-rules.js';
import { checkCertificates } from './certificate-rules.js';
import { checkCredentials } from './credentials-rules.js';
import { parseConfigDuration } from './hocon-duration.js';
import { HostBlocker } from './host-blocking.js';
import type { HostBlockingConfig } from './host-blocking.js';
import { checkHost } from './host-rules.js';
import { checkLimits } from './limits-rules.js';
import { checkMappingReferences } from './mapping-reference-rules.js';
import { checkTemplatePlaceholders } from './placeholder-check.js';
import { checkResponseDiversion } from './response-diversion-rules.js';
import { checkSshTunnel } from './ssh-tunnel-rules.js';
import { DEFAULT_VALIDATION_LIMITS } from './validation-context.js';
import type { ValidationContext, ValidationLimits } from './validation-context.js';
import { configurationInvalid, placeholderInvalid } from './validation-errors.js';

/** Options of {@link validateConnection}. @public */
export interface ValidateConnectionOptions {
  /** Host names or addresses to block; when non-empty, loopback, private, multicast and wildcard addresses are blocked too. */
  readonly blockedHostnames?: readonly string[];
  /** Further host-blocking settings (subnets, regex, allow list). */
  readonly hostBlocking?: HostBlockingConfig;
  /**
   * Installed bindings (default exports of binding packages, or a registry built from them). When given,
   * a connection whose type no binding provides is rejected and type-specific rules run; when absent,
   * only the generic rules run.
   */
  readonly bindings?: readonly BindingDefinition[] | BindingRegistry;
  readonly limits?: Partial<ValidationLimits>;
  /** Mapping engines registered besides the built-in ones. */
  readonly mapperEngines?: readonly string[];
  /** Require HTTPS OAuth2 token endpoints (default true). */
  readonly enforceHttps?: boolean;
  /** Status to assume when `connectionStatus` is absent (HTTP POST); absent = the field is required. */
  readonly defaultStatus?: ConnectivityStatus;
}

/** The outcome of {@link validateConnection}. @public */
export type ConnectionValidationResult = { readonly valid: true; readonly connection: Connection } | { readonly valid: false; readonly error: DittoError };

const GENERIC_RULES = [checkLimits, checkAcknowledgementLabels, checkCertificates, checkHost, checkSshTunnel, checkCredentials, checkResponseDiversion];

/**
 * Validates connection JSON: model construction, the generic rules of connection-model §11, then
 * the rules of the binding registered for its type. Never throws, whatever the input; an invalid
 * connection yields a Ditto-style error (status 400 for almost all, 409/422 for ack label rules).
 * @public
 */
export function validateConnection(connection: unknown, options: ValidateConnectionOptions = {}): ConnectionValidationResult {
  try {
    const registry = registryOf(options.bindings);
    const parsed = parseConnection(connection, {
      extraConnectionTypes: registry?.types() ?? [],
      ...(options.defaultStatus !== undefined ? { defaultStatus: options.defaultStatus } : {}),
    });
    const error = checkConnection(parsed, options, registry);
    return error ? { valid: false, error } : { valid: true, connection: parsed };
  } catch (error) {
    if (error instanceof DittoError) return { valid: false, error };
    return { valid: false, error: configurationInvalid('The connection could not be validated.', error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Semantic validation (stage 3) of an already constructed connection; the first problem, or
 * `undefined`. Used again on open, against the current service configuration.
 * @public
 */
export function checkConnection(connection: Connection, options: ValidateConnectionOptions = {}, registry = registryOf(options.bindings)): DittoError | undefined {
  const uri = parseConnectionUri(connection.uri);
  const registered = registry?.get(connection.connectionType);
  if (registry && !registered) return notInstalled(connection.connectionType);
  const context: ValidationContext = {
    connection,
    uri,
    spec: registered?.spec,
    limits: { ...DEFAULT_VALIDATION_LIMITS, ...options.limits },
    hosts: new HostBlocker({ ...options.hostBlocking, blockedHostnames: [...(options.hostBlocking?.blockedHostnames ?? []), ...(options.blockedHostnames ?? [])] }),
    mapperEngines: new Set(options.mapperEngines ?? []),
    enforceHttps: options.enforceHttps ?? true,
  };
  for (const rule of GENERIC_RULES) {
    const error = rule(context);
    if (error) return error;
  }
  const spec = registered?.spec;
  if (!spec) return checkMappingReferences(context);
  return (
    checkUriScheme(context, spec) ??
    checkCapabilities(context, spec) ??
    checkPlaceholders(context, spec) ??
    checkMappingReferences(context) ??
    spec.validate({
      connection,
      uri,
      invalid: configurationInvalid,
      checkPlaceholders: (template, namespaces, where) => {
        const error = checkTemplatePlaceholders(template, namespaces);
        return error ? placeholderInvalid(where, error) : undefined;
      },
      parseConfigDuration,
    })
  );
}

function registryOf(bindings: ValidateConnectionOptions['bindings']): BindingRegistry | undefined {
  if (bindings === undefined) return undefined;
  return bindings instanceof BindingRegistry ? bindings : new BindingRegistry(bindings);
}

function notInstalled(type: string): DittoError {
  const provider = BINDING_PACKAGE_BY_TYPE[type];
  return configurationInvalid(
    `No binding is installed for connection type '${type}'.`,
    provider ? `Install the package ${provider} to use connections of type '${type}'.` : `Install a binding package that provides the connection type '${type}'.`,
  );
}
