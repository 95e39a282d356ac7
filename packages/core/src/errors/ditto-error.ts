/** The JSON shape of a Ditto error, as sent in HTTP bodies and in Ditto Protocol error `value`s. */
export interface DittoErrorJson {
  readonly status: number;
  readonly error: string;
  readonly message: string;
  readonly description?: string;
  readonly href?: string;
}

// Messages echo user input (ids, URIs, templates); a cap keeps a 10 MB input from coming back.
const MAX_TEXT_LENGTH = 500;

function capped(text: string): string {
  return text.length <= MAX_TEXT_LENGTH ? text : `${text.slice(0, MAX_TEXT_LENGTH)}…`;
}

/**
 * A Ditto-style error: thrown by core functions and returned by validation.
 * Serialises (`JSON.stringify`) to exactly {@link DittoErrorJson}.
 * @public
 */
export class DittoError extends Error implements DittoErrorJson {
  readonly status: number;
  readonly error: string;
  readonly description?: string;
  readonly href?: string;

  constructor(json: DittoErrorJson, options?: { cause?: unknown }) {
    super(capped(json.message), options);
    this.name = 'DittoError';
    this.status = json.status;
    this.error = json.error;
    if (json.description !== undefined) this.description = capped(json.description);
    if (json.href !== undefined) this.href = json.href;
  }

  /** A copy with another code/status/message, keeping this error as the cause. */
  wrap(json: DittoErrorJson): DittoError {
    return new DittoError(json, { cause: this });
  }

  toJSON(): DittoErrorJson {
    return {
      status: this.status,
      error: this.error,
      message: this.message,
      ...(this.description !== undefined ? { description: this.description } : {}),
      ...(this.href !== undefined ? { href: this.href } : {}),
    };
  }
}

/** True for any object carrying a Ditto error's fields, whether or not it is a {@link DittoError} instance. */
export function isDittoErrorJson(value: unknown): value is DittoErrorJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['status'] === 'number' && typeof v['error'] === 'string' && typeof v['message'] === 'string';
}
