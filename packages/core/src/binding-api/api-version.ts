/**
 * Version of the binding contract (this folder), independent of the core package version.
 * Minor for additions, major for breaking changes; a binding records the version it was
 * compiled against and is checked with {@link isApiCompatible}.
 * @public
 */
export const BINDING_API_VERSION = '1.0.0';
