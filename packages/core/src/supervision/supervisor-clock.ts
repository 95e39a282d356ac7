/**
 * Time as the supervisor sees it: injectable so tests drive reconnects and timeouts without
 * waiting. The default delegates to the global timers at call time, so jest's fake timers apply too.
 * @public
 */
export interface SupervisorClock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. @public */
export const SYSTEM_CLOCK: SupervisorClock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending reconnect must not keep the process alive on shutdown.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
