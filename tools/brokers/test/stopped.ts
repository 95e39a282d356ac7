import { familyOf, isAlive } from '../src/lib/proc.js';
import { canConnect } from '../src/lib/wait.js';
import type { RunningBroker } from '../src/types.js';

/** Stops `broker` and reports what is left of it: open ports and live processes (both should be empty). */
export async function stopAndCollectLeftovers(broker: RunningBroker): Promise<{ openPorts: number[]; livePids: number[] }> {
  // Snapshot first: once the broker is gone, its orphans no longer show who they belonged to.
  const family = broker.pids.flatMap(familyOf);
  await broker.stop();
  const open = await Promise.all(broker.ports.map(async (port) => ((await canConnect(port)) ? [port] : [])));
  return { openPorts: open.flat(), livePids: family.filter(isAlive) };
}
