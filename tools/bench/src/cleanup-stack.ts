/** Stops what a setup started, last started first; also when the setup fails half-way. */
export class CleanupStack {
  private readonly steps: (() => Promise<void>)[] = [];

  push(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** Runs every step even if one fails, then rethrows the first failure. */
  async run(): Promise<void> {
    let failure: unknown;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /** Runs `setup`; if it throws, cleans up what it had started and rethrows. */
  async guard<T>(setup: () => Promise<T>): Promise<T> {
    try {
      return await setup();
    } catch (error) {
      await this.run().catch(() => undefined);
      throw error;
    }
  }
}
