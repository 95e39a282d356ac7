/**
 * Whether the service takes traffic: not before the runtime restored its connections, and no
 * longer from the moment shutdown begins (so a load balancer drains before the port closes).
 */
export class Readiness {
  private state: 'starting' | 'ready' | 'stopping' = 'starting';

  /** The runtime has started; `/ready` answers 200 from now on (unless stopping already began). */
  markReady(): void {
    if (this.state === 'starting') this.state = 'ready';
  }

  /** Shutdown began; `/ready` answers 503 from now on. */
  markStopping(): void {
    this.state = 'stopping';
  }

  get current(): 'starting' | 'ready' | 'stopping' {
    return this.state;
  }
}
