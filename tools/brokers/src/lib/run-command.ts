import { spawn } from 'node:child_process';

/** Options for a command that runs to completion. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Print the command's output live (installs take a while; silence would look like a hang). */
  readonly inheritOutput?: boolean;
}

/**
 * Runs `command` to completion and returns its stdout. Rejects with the command line and its
 * stderr when it exits non-zero, since that is the only useful clue when an install step fails in CI.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.inheritOutput ? 'inherit' : 'pipe', options.inheritOutput ? 'inherit' : 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => reject(new Error(`${command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else {
        const status = code === null ? `signal ${String(signal)}` : `exit code ${code}`;
        reject(new Error(`${[command, ...args].join(' ')} failed with ${status}\n${stderr.trim()}`));
      }
    });
  });
}
