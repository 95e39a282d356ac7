/** Name under jest's `globals` that lists the broker kinds a package's tests need. */
export const BROKERS_GLOBAL = 'twinlinkBrokers';

// jest runs globalSetup and globalTeardown in one process but may load them as separate module
// instances; a registry symbol is the same in both.
export const RUNNING_KEY = Symbol.for('@twinlink/brokers/running');
