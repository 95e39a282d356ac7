import { readdirSync, readFileSync } from 'node:fs';

/** One entry of `/proc/<pid>/stat` that matters for cleaning up. */
interface ProcStat {
  readonly pid: number;
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
}

/**
 * Running processes that belong to the process started as `pid` (a group leader): its group and
 * every descendant. Descendants count separately because some programs (Erlang's `erl_child_setup`)
 * move into groups of their own, where a signal to the leader's group does not reach them; take this
 * snapshot before stopping, since orphans get a new parent once theirs is gone.
 */
export function familyOf(pid: number): number[] {
  const processes = allProcesses().filter((p) => p.state !== 'Z');
  const family = new Set(processes.filter((p) => p.pid === pid || p.pgrp === pid).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  return [...family];
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
  return { pid: Number(pid), state: fields[0] ?? '', ppid: Number(fields[1]), pgrp: Number(fields[2]) };
}
