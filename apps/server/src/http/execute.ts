import type { CommandOptions, CommandResult, ConnectivityCommand } from '../connections/connectivity-command.js';
import type { ConnectivityRuntime } from '../runtime.js';

/** What every route needs: the engine and this instance's identity. */
export interface RouteContext {
  readonly runtime: ConnectivityRuntime;
  readonly instanceId: string;
}

/** Runs one management command; the HTTP layer reaches persistence and clients only through this. */
export function execute(context: RouteContext, command: ConnectivityCommand, options?: CommandOptions): Promise<CommandResult> {
  return context.runtime.connections.execute(command, options);
}
