/** The package as it reports itself; `apiVersion` is the binding contract this source is written against. */
export const VERSION_INFO = { packageName: '@twinlink/test-binding', packageVersion: '0.1.0', apiVersion: '1.0.0' } as const;
