/**
 * Something the tool needs is missing (the reference folder, Java, Maven) or the reference could
 * not be built. The tool reports the message and exits with code 2.
 */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}
