/** Where the service serves its OpenAPI description (documented in apps/server/README.md). */
export const OPENAPI_PATH = '/openapi.json';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const commonErrors = {
  '400': error('Invalid request: bad JSON, invalid connection id or configuration.'),
  '401': error('Missing or wrong DevOps credentials (`gateway:authentication.failed`).'),
  '404': error('Unknown connection (`connectivity:connection.notfound`).'),
};
const connectionId = { name: 'connectionId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-zA-Z0-9-_:]{1,100}$' } };
const fields = {
  name: 'fields',
  in: 'query',
  required: false,
  description: 'Comma-separated field selector; `_revision`, `_created` and `_modified` are returned only when selected.',
  schema: { type: 'string' },
};
const devops = [{ DevOpsBasic: [] }];
const tags = ['Connections'];

/**
 * The OpenAPI 3.0 description of twinlink's HTTP API: the Ditto-compatible connection management
 * (`/api/2/connections`, `/devops/piggyback/connectivity`) plus twinlink's operational endpoints.
 */
export const OPENAPI_DOCUMENT = {
  openapi: '3.0.3',
  info: {
    title: 'twinlink connectivity service',
    version: '2',
    description:
      "Manages connections to message brokers with Eclipse Ditto's connectivity API. Every error body is a Ditto error JSON " +
      '(`status`, `error`, `message`, optional `description`, `href`).',
    license: { name: 'EPL-2.0' },
  },
  components: {
    securitySchemes: { DevOpsBasic: { type: 'http', scheme: 'basic', description: 'The DevOps user (default `devops`).' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['status', 'error', 'message'],
        properties: {
          status: { type: 'integer' },
          error: { type: 'string', example: 'connectivity:connection.notfound' },
          message: { type: 'string' },
          description: { type: 'string' },
          href: { type: 'string' },
        },
      },
      Connection: {
        type: 'object',
        description: 'A connection as described by Ditto\'s connection model. Secrets are masked in every response (`user:*****@host`).',
        required: ['connectionType', 'connectionStatus', 'uri'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          connectionType: { type: 'string', example: 'mqtt' },
          connectionStatus: { type: 'string', enum: ['open', 'closed', 'failed', 'misconfigured', 'unknown'] },
          uri: { type: 'string', example: 'tcp://user:password@broker:1883' },
          sources: { type: 'array', items: { type: 'object' } },
          targets: { type: 'array', items: { type: 'object' } },
          clientCount: { type: 'integer' },
          failoverEnabled: { type: 'boolean' },
          validateCertificates: { type: 'boolean' },
          processorPoolSize: { type: 'integer' },
          specificConfig: { type: 'object', additionalProperties: { type: 'string' } },
          mappingDefinitions: { type: 'object' },
          credentials: { type: 'object' },
          sshTunnel: { type: 'object' },
          ca: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: true,
      },
      ResourceStatus: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['client', 'source', 'target', 'ssh', 'unknown'] },
          client: { type: 'string' },
          address: { type: 'string' },
          status: { type: 'string', enum: ['open', 'closed', 'failed', 'misconfigured', 'unknown'] },
          recoveryStatus: { type: 'string' },
          statusDetails: { type: 'string' },
          inStateSince: { type: 'string', format: 'date-time' },
        },
      },
      ConnectionStatus: {
        type: 'object',
        properties: {
          type: { type: 'string', example: 'connectivity.responses:retrieveConnectionStatus' },
          status: { type: 'integer', example: 200 },
          connectionId: { type: 'string' },
          connectionStatus: { type: 'string' },
          liveStatus: { type: 'string' },
          recoveryStatus: { type: 'string', enum: ['ongoing', 'succeeded', 'backOffLimitReached', 'unknown'] },
          connectedSince: { type: 'string', format: 'date-time' },
          clientStatus: { type: 'array', items: ref('ResourceStatus') },
          sourceStatus: { type: 'array', items: ref('ResourceStatus') },
          targetStatus: { type: 'array', items: ref('ResourceStatus') },
          sshTunnelStatus: { type: 'array', items: ref('ResourceStatus') },
        },
      },
      ConnectionMetrics: {
        type: 'object',
        description: 'Counters per direction and type with `success`/`failure` windows `PT1M`, `PT1H`, `PT24H` and `lastMessageAt`.',
        properties: {
          type: { type: 'string', example: 'connectivity.responses:retrieveConnectionMetrics' },
          status: { type: 'integer', example: 200 },
          connectionId: { type: 'string' },
          containsFailures: { type: 'boolean' },
          connectionMetrics: { type: 'object', nullable: true },
          sourceMetrics: { type: 'object' },
          targetMetrics: { type: 'object' },
        },
      },
      ConnectionLogs: {
        type: 'object',
        properties: {
          connectionId: { type: 'string' },
          connectionLogs: { type: 'array', items: { type: 'object' } },
          enabledSince: { type: 'string', format: 'date-time', nullable: true },
          enabledUntil: { type: 'string', format: 'date-time', nullable: true },
        },
      },
      PiggybackCommand: {
        type: 'object',
        required: ['targetActorSelection', 'headers', 'piggybackCommand'],
        properties: {
          targetActorSelection: {
            type: 'string',
            enum: ['/system/sharding/connection', '/user/connectivityRoot/connectionIdsRetrieval'],
          },
          headers: { type: 'object', description: '`aggregate` (default true), `is-group-topic`, `ditto-sudo`, `timeout`.' },
          piggybackCommand: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
        },
      },
    },
  },
  paths: {
    '/api/2/connections': {
      get: {
        tags,
        security: devops,
        summary: 'List connections (ids sorted ascending; at most 100 full connections)',
        parameters: [fields, { name: 'ids-only', in: 'query', required: false, schema: { type: 'boolean' } }],
        responses: { '200': json('Connections, or their ids.', { type: 'array', items: {} }), ...commonErrors },
      },
      post: {
        tags,
        security: devops,
        summary: 'Create a connection with a generated id, or test one (`dry-run=true`)',
        parameters: [{ name: 'dry-run', in: 'query', required: false, schema: { type: 'boolean' } }],
        requestBody: { required: true, content: { 'application/json': { schema: ref('Connection') } } },
        responses: {
          '200': { description: 'Dry run succeeded (empty body).' },
          '201': { ...json('Created; `Location` names the new resource.', ref('Connection')) },
          '413': error('Body above the configured limit.'),
          '415': error('Content type other than JSON.'),
          '504': error('Dry run could not connect (`connectivity:connection.failed`).'),
          ...commonErrors,
        },
      },
    },
    '/api/2/connections/{connectionId}': {
      parameters: [connectionId],
      get: { tags, security: devops, summary: 'Retrieve a connection', parameters: [fields], responses: { '200': json('The connection.', ref('Connection')), ...commonErrors } },
      put: {
        tags,
        security: devops,
        summary: 'Modify a connection; creates it when absent',
        requestBody: { required: true, content: { 'application/json': { schema: ref('Connection') } } },
        responses: { '201': json('Created.', ref('Connection')), '204': { description: 'Modified.' }, ...commonErrors },
      },
      delete: { tags, security: devops, summary: 'Delete a connection', responses: { '204': { description: 'Deleted.' }, ...commonErrors } },
    },
    '/api/2/connections/{connectionId}/command': {
      parameters: [connectionId],
      post: {
        tags,
        security: devops,
        summary: 'Open, close, reset metrics, enable or reset logs',
        requestBody: {
          required: true,
          content: { 'text/plain': { schema: { type: 'string', example: 'connectivity.commands:openConnection' } } },
        },
        responses: { '200': { description: 'Done (empty body).' }, '504': error('Opening failed.'), ...commonErrors },
      },
    },
    '/api/2/connections/{connectionId}/status': {
      parameters: [connectionId],
      get: { tags, security: devops, summary: 'Desired and live status', responses: { '200': json('Status.', ref('ConnectionStatus')), ...commonErrors } },
    },
    '/api/2/connections/{connectionId}/metrics': {
      parameters: [connectionId],
      get: { tags, security: devops, summary: 'Message counters', responses: { '200': json('Metrics.', ref('ConnectionMetrics')), ...commonErrors } },
    },
    '/api/2/connections/{connectionId}/logs': {
      parameters: [connectionId],
      get: { tags, security: devops, summary: 'Recent connection log entries', responses: { '200': json('Logs.', ref('ConnectionLogs')), ...commonErrors } },
    },
    '/devops/piggyback/connectivity': {
      post: {
        tags: ['Devops'],
        security: devops,
        summary: 'Run a connectivity command in Ditto\'s piggyback envelope',
        requestBody: { required: true, content: { 'application/json': { schema: ref('PiggybackCommand') } } },
        responses: {
          '200': json('The inner response, bare (`aggregate: false`) or as `{"connectivity": {"<instance>": …}}`.', { type: 'object' }),
          '400': error('Malformed envelope.'),
          '401': error('Missing or wrong DevOps credentials.'),
          '408': { description: 'No instance received the command (body `null`).' },
        },
      },
    },
    '/alive': { get: { tags: ['Operations'], summary: 'Liveness probe', responses: { '200': { description: 'The process runs.' } } } },
    '/ready': {
      get: {
        tags: ['Operations'],
        summary: 'Readiness probe',
        responses: { '200': { description: 'Connections restored; serving.' }, '503': error('Starting or shutting down.') },
      },
    },
    '/metrics': { get: { tags: ['Operations'], summary: 'Prometheus metrics', responses: { '200': { description: 'Prometheus text format.' } } } },
    '/bindings': {
      get: {
        tags: ['Operations'],
        security: devops,
        summary: 'Loaded and skipped binding plugins',
        responses: { '200': json('Bindings.', { type: 'object', properties: { loaded: { type: 'array' }, skipped: { type: 'array' } } }) },
      },
    },
  },
} as const;
