import { readdirSync, readFileSync } from 'node:fs';

/** One entry of `/proc/<pid>/stat` that matters for cleaning up. */
interface ProcStat {
  readonly pid: number;
  readonly state: string;
  readonly pgrp: number;
}

/**
 * Process ids in process group `pgid` that are still running. Zombies are left out: an orphan
 * whose new parent does not reap it would otherwise look alive forever.
 */
export function livePidsInGroup(pgid: number): number[] {
  return allProcesses()
    .filter((p) => p.pgrp === pgid && p.state !== 'Z')
    .map((p) => p.pid);
}

/** Whether process `pid` exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  const stat = readStat(String(pid));
  return stat !== undefined && stat.state !== 'Z';
}

function allProcesses(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((p): p is ProcStat => p !== undefined);
}

function readStat(pid: string): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited while we looked
  }
  // The command name (field 2) is in parentheses and may contain spaces; fields after it are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid: Number(pid), state: fields[0] ?? '', pgrp: Number(fields[2]) };
}
