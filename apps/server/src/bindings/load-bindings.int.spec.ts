import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientSupervisor, BackoffPolicy, createHostValidator, parseConnectionUri, validateConnection } from '@twinlink/core';
import pino from 'pino';
import { defaultConfig } from '../config/default-config.js';
import { loadBindings } from './load-bindings.js';

// A binding built outside the app: packed with `npm pack`, installed from the tarball into a
// temporary app directory, discovered from that app's dependencies and used to run a client.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const logger = pino({ level: 'silent' });
let workDir: string;
let appDir: string;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function writePackage(dir: string, json: Record<string, unknown>, files: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'twinlink-bindings-'));
  npm(['pack', join(repo, 'tools/test-binding'), '--pack-destination', workDir, '--silent'], repo);
  const tarball = readdirSync(workDir).find((name) => name.endsWith('.tgz'));
  appDir = join(workDir, 'app');
  writePackage(appDir, { name: 'lean-app', version: '1.0.0', private: true, type: 'module' });
  // Peers come from the host, as in a real deployment: link this repository's core and inversify.
  npm(['install', join(workDir, tarball ?? 'missing.tgz'), '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--offline'], appDir);
  mkdirSync(join(appDir, 'node_modules/@twinlink'), { recursive: true });
  symlinkSync(join(repo, 'packages/core'), join(appDir, 'node_modules/@twinlink/core'), 'dir');
  symlinkSync(join(repo, 'node_modules/inversify'), join(appDir, 'node_modules/inversify'), 'dir');
}, 120_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('binding discovery with a packed third-party package', () => {
  it('discovers the installed tarball from the app dependencies and runs a client of its type', async () => {
    const bindings = await loadBindings({ config: defaultConfig().bindings, appDir, logger, builtins: [] });
    expect(bindings.skipped).toEqual([]);
    expect(bindings.loaded).toEqual([{ packageName: '@twinlink/test-binding', packageVersion: '0.1.0', apiVersion: '1.0.0', connectionTypes: ['test-loopback'], source: 'discovered' }]);
    const plugin = bindings.plugins.get('test-loopback');
    expect(plugin).toBeDefined();

    const port = await freePort();
    const result = validateConnection(
      { id: 'loop-1', connectionType: 'test-loopback', connectionStatus: 'open', uri: `loop://127.0.0.1:${port}`, sources: [{ addresses: ['in'], authorizationContext: ['s'] }] },
      { bindings: bindings.registry },
    );
    if (!result.valid) throw result.error;
    const delivered: string[] = [];
    const supervisor = new ClientSupervisor({
      plugin: plugin!,
      context: { connection: result.connection, uri: parseConnectionUri(result.connection.uri), clientIndex: 0, instanceId: 'i', tls: undefined, hosts: createHostValidator(), logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } },
      inbound: () => ({ capacity: 1, deliver: async (message) => (delivered.push(message.textPayload ?? ''), { outcome: 'accepted' }) }),
      backoff: new BackoffPolicy({ minMs: 10, maxMs: 100 }),
      connectTimeoutMs: 5_000,
      stopTimeoutMs: 5_000,
    });
    supervisor.start();
    try {
      await supervisor.whenConnected();
      const response = await fetch(`http://127.0.0.1:${port}/inbound`, { method: 'POST', body: JSON.stringify({ sourceAddress: 'in', textPayload: 'hello' }) });
      expect(await response.json()).toEqual({ outcome: 'accepted' });
      expect(delivered).toEqual(['hello']);
    } finally {
      await supervisor.stop();
    }
  });

  it('skips broken and incompatible packages with coded reasons, and strict turns skips into a failure', async () => {
    const manifest = (apiVersion: string) => ({ twinlink: { kind: 'binding', apiVersion, connectionTypes: ['x'] } });
    writePackage(join(appDir, 'node_modules/broken-binding'), { name: 'broken-binding', version: '1.0.0', type: 'module', main: 'index.js', ...manifest('^1.0.0') }, { 'index.js': "throw new Error('boom');" });
    writePackage(join(appDir, 'node_modules/future-binding'), { name: 'future-binding', version: '2.0.0', type: 'module', main: 'index.js', ...manifest('^2.0.0') }, { 'index.js': 'export default {};' });
    writePackage(join(appDir, 'node_modules/plain-module'), { name: 'plain-module', version: '1.0.0', type: 'module', main: 'index.js', ...manifest('^1.0.0') }, { 'index.js': 'export default { packageName: "plain-module" };' });
    const config = { ...defaultConfig().bindings, packages: ['broken-binding', 'future-binding', 'plain-module', 'not-installed'] };
    const bindings = await loadBindings({ config, appDir, logger, builtins: [] });
    expect(bindings.skipped.map((skip) => [skip.packageName, skip.code])).toEqual([
      ['broken-binding', 'TWINLINK_ERR_BINDING_LOAD'],
      ['future-binding', 'TWINLINK_ERR_BINDING_API_MISMATCH'],
      ['plain-module', 'TWINLINK_ERR_BINDING_NOT_A_BINDING'],
      ['not-installed', 'TWINLINK_ERR_BINDING_LOAD'],
    ]);
    expect(bindings.loaded.map((binding) => binding.packageName)).toEqual(['@twinlink/test-binding']);
    await expect(loadBindings({ config: { ...config, strict: true }, appDir, logger, builtins: [] })).rejects.toThrow('TWINLINK_ERR_BINDING_LOAD');
  });

  it('leaves out disabled packages', async () => {
    const bindings = await loadBindings({ config: { ...defaultConfig().bindings, disabled: ['@twinlink/test-binding'] }, appDir, logger, builtins: [] });
    expect(bindings.loaded).toEqual([]);
    expect(bindings.plugins.size).toBe(0);
  });
});
