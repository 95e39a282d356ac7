/** The timer functions the engine schedules subject expiries and announcements with; injectable for tests. */
export interface TwinTimers {
  /** Calls `callback` once after `delayMs`; returns a handle for {@link TwinTimers.clear}. */
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd: a pending expiry never keeps the process alive. */
export const REAL_TIMERS: TwinTimers = {
  set: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
