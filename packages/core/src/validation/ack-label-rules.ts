import { DittoError } from '../errors/ditto-error.js';
import type { ValidationContext } from './validation-context.js';

const LABEL = /^(?:\{\{\s*[a-z]+:[a-z]+\s*\}\}:)?[a-zA-Z0-9\-_:]{3,165}$/;
const CONNECTION_ID_PLACEHOLDER = /\{\{\s*connection:id\s*\}\}/g;
const BUILT_IN_LABELS = new Set(['twin-persisted', 'live-response', 'search-persisted']);

function labelInvalid(label: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'acknowledgement:label.invalid',
    message: `Acknowledgement label <${label}> is invalid.`,
    description: `It must conform to the regular expression: ${LABEL.source}`,
  });
}

function prefixInvalid(connectionId: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'acknowledgement:label.invalid',
    message: 'Declared acknowledgement labels of a connection must have the form <connection-id>:<alphanumeric-suffix>',
    description: `Use labels of the form '${connectionId}:<suffix>' or '{{connection:id}}:<suffix>'.`,
  });
}

/** `{{connection:id}}` replaced by the id; other text unchanged. */
export function resolveConnectionIdInLabel(label: string, connectionId: string): string {
  return label.replace(CONNECTION_ID_PLACEHOLDER, connectionId);
}

/** Whether a label has valid acknowledgement label syntax. */
export function isValidAckLabel(label: string): boolean {
  return LABEL.test(label);
}

/** Rule 4 of §11 (and §5.2 includes): label syntax, `<connectionId>:` prefix, unique issued labels. */
export function checkAcknowledgementLabels({ connection }: ValidationContext): DittoError | undefined {
  const prefix = `${connection.id}:`;
  const ownLabel = (label: string): DittoError | undefined => {
    if (!isValidAckLabel(label)) return labelInvalid(label);
    return resolveConnectionIdInLabel(label, connection.id).startsWith(prefix) ? undefined : prefixInvalid(connection.id);
  };
  for (const source of connection.sources) {
    for (const label of source.declaredAcks) {
      const error = ownLabel(label);
      if (error) return error;
    }
    for (const label of source.acknowledgementRequests?.includes ?? []) {
      if (!isValidAckLabel(resolveConnectionIdInLabel(label, connection.id)) && !BUILT_IN_LABELS.has(label)) {
        return new DittoError({
          status: 422,
          error: 'acknowledgement:request.parsing.failed',
          message: `The acknowledgement request <${label}> could not be parsed.`,
          description: 'Acknowledgement labels consist of 3 to 165 characters of [a-zA-Z0-9-_:].',
        });
      }
    }
  }
  const issued = new Set<string>();
  for (const target of connection.targets) {
    const label = target.issuedAcknowledgementLabel;
    if (label === undefined) continue;
    if (label !== 'live-response') {
      const error = ownLabel(label);
      if (error) return error;
    }
    const resolved = resolveConnectionIdInLabel(label, connection.id);
    if (issued.has(resolved)) {
      return new DittoError({
        status: 409,
        error: 'acknowledgement:label.not.unique',
        message: 'An issued acknowledgement label may only be used for one target of the connection.',
        description: `The label '${resolved}' is issued by more than one target.`,
      });
    }
    issued.add(resolved);
  }
  return undefined;
}
