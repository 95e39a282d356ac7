import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import { defaultConfig } from './default-config.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twinlink-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(content: unknown): string {
    const path = join(dir, 'config.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('starts from the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 8080, host: '0.0.0.0', bodyLimitBytes: 1048576 });
    expect(config.devops).toEqual({ secured: true, username: 'devops', password: 'foobar', passwordIsDefault: true });
    expect(config.storage).toEqual({ dataDir: './data', snapshotEvery: 10, twinCacheSize: 10_000 });
    expect(config.connections.limits).toEqual({ maxSources: 4, maxTargets: 4, maxPayloadMappers: 10 });
    expect(config.connections).toMatchObject({
      minBackoffMs: 1000,
      maxBackoffMs: 60000,
      connectTimeoutMs: 10000,
      commandTimeoutMs: 50000,
      disconnectAnnouncementMs: 3000,
      shutdownTimeoutMs: 10000,
      consumerCapacity: 100,
    });
    expect(config.logs).toEqual({ level: 'info', connectionLogDurationMs: 3600000, connectionLogCapacity: 100 });
    expect(config.instanceId).toBe(defaultConfig().instanceId);
  });

  it('reads environment variables, durations with units and comma lists', () => {
    const config = loadConfig({
      PORT: '9090',
      TWINLINK_DATA_DIR: '/var/lib/twinlink',
      TWINLINK_DEVOPS_PASSWORD: 's3cret',
      TWINLINK_DEVOPS_SECURED: 'false',
      TWINLINK_LOG_LEVEL: 'debug',
      TWINLINK_BLOCKED_HOSTNAMES: 'localhost, metadata.internal ,',
      TWINLINK_CONNECT_TIMEOUT: '2s',
      TWINLINK_MAX_BACKOFF: '5m',
      TWINLINK_FLUENTD_HOST: 'fluent',
      TWINLINK_CONSUMER_CAPACITY: '20',
    });
    expect(config.http.port).toBe(9090);
    expect(config.storage.dataDir).toBe('/var/lib/twinlink');
    expect(config.devops).toEqual({ secured: false, username: 'devops', password: 's3cret', passwordIsDefault: false });
    expect(config.logs.level).toBe('debug');
    expect(config.connections.hostBlocking.blockedHostnames).toEqual(['localhost', 'metadata.internal']);
    expect(config.connections.connectTimeoutMs).toBe(2000);
    expect(config.connections.maxBackoffMs).toBe(300000);
    expect(config.logs.fluentd).toEqual({ host: 'fluent', port: 24224, tagPrefix: 'connection' });
    expect(config.connections.consumerCapacity).toBe(20);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', TWINLINK_DEVOPS_PASSWORD: ' ' }).http.port).toBe(8080);
  });

  it('deep-merges the config file under the environment', () => {
    const path = file({ http: { port: 7000, host: '127.0.0.1' }, connections: { limits: { maxSources: 8 } } });
    const config = loadConfig({ TWINLINK_CONFIG: path, PORT: '7001' });
    expect(config.http).toEqual({ port: 7001, host: '127.0.0.1', bodyLimitBytes: 1048576 });
    expect(config.connections.limits).toEqual({ maxSources: 8, maxTargets: 4, maxPayloadMappers: 10 });
  });

  it('takes the file from --config before TWINLINK_CONFIG', () => {
    const path = file({ storage: { dataDir: '/from-argv' } });
    expect(loadConfig({ TWINLINK_CONFIG: join(dir, 'missing.json') }, ['--config', path]).storage.dataDir).toBe('/from-argv');
    expect(loadConfig({}, [`--config=${path}`]).storage.dataDir).toBe('/from-argv');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty" is invalid: expected a port number/],
    [{ PORT: '70000' }, /http\.port must be <= 65535 \(set by PORT\)/],
    [{ TWINLINK_DEVOPS_SECURED: 'maybe' }, /TWINLINK_DEVOPS_SECURED="maybe" is invalid: expected true or false/],
    [{ TWINLINK_LOG_LEVEL: 'loud' }, /logs\.level must be equal to one of the allowed values \(set by TWINLINK_LOG_LEVEL\)/],
    [{ TWINLINK_COMMAND_TIMEOUT: 'soon' }, /TWINLINK_COMMAND_TIMEOUT="soon" is invalid: expected a duration/],
    [{ TWINLINK_MIN_BACKOFF: '10s', TWINLINK_MAX_BACKOFF: '1s' }, /maxBackoffMs \(1000\) must not be below .*TWINLINK_MIN_BACKOFF, TWINLINK_MAX_BACKOFF/],
    [{ TWINLINK_BLOCKED_HOST_REGEX: '([' }, /TWINLINK_BLOCKED_HOST_REGEX is not a valid regular expression/],
    [{ TWINLINK_SNAPSHOT_EVERY: '0' }, /storage\.snapshotEvery must be >= 1 \(set by TWINLINK_SNAPSHOT_EVERY\)/],
  ])('rejects bad environment values: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names misspelt and mistyped settings of the file', () => {
    const path = file({ http: { prot: 1 }, storage: { snapshotEvery: 'often' } });
    let message = '';
    try {
      loadConfig({ TWINLINK_CONFIG: path });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`http.prot is not a known setting (in ${path})`);
    expect(message).toContain(`storage.snapshotEvery must be integer (in ${path})`);
  });

  it('rejects a config file that cannot be read or parsed', () => {
    expect(() => loadConfig({ TWINLINK_CONFIG: join(dir, 'nope.json') })).toThrow(/TWINLINK_CONFIG: cannot read config file/);
    expect(() => loadConfig({ TWINLINK_CONFIG: file('{ nope') })).toThrow(/is not valid JSON/);
    expect(() => loadConfig({ TWINLINK_CONFIG: file('[]') })).toThrow(/must contain a JSON object/);
  });

  it('rejects unknown command-line arguments', () => {
    expect(() => loadConfig({}, ['--port', '1'])).toThrow(/Unknown argument "--port"/);
  });
});
