import type { CommandOptions, CommandResult, ConnectivityCommand } from './connectivity-command.js';

/**
 * Executes management commands with Ditto's lifecycle semantics (management.md §4): validation,
 * persistence, opening and closing clients, status, metrics and logs. Commands on one connection run
 * strictly one after another. Errors are thrown as DittoError (404 notfound, 409 conflict, 400
 * validation, 504 connection failed, …).
 */
export interface ConnectionService {
  execute(command: ConnectivityCommand, options?: CommandOptions): Promise<CommandResult>;
}
