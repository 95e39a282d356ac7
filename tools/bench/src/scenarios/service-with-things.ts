import type { CleanupStack } from '../cleanup-stack.js';
import { createThings } from '../service/fixtures.js';
import { ServiceMetrics } from '../service/service-metrics.js';
import { ServiceProcess } from '../service/service-process.js';
import type { ScenarioSettings } from './lane.js';

/** The service under test, started with the scenario's things (each with its own policy) already created. */
export async function startServiceWithThings(settings: ScenarioSettings, cleanup: CleanupStack): Promise<{ service: ServiceProcess; metrics: ServiceMetrics }> {
  const service = await ServiceProcess.start({ nodeArgs: settings.serviceNodeArgs, cwd: settings.serviceCwd });
  cleanup.push(() => service.stop());
  const started = performance.now();
  await createThings(service.baseUrl, settings.things);
  settings.log(`created ${settings.things} things with their own policies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { service, metrics: new ServiceMetrics(service.baseUrl) };
}
