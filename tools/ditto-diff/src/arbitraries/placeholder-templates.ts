import fc from 'fast-check';

/** Header names the generated contexts use (and a few they never set). */
export const HEADER_NAMES = ['a', 'b', 'device_id', 'Content-Type', 'content-type', 'tags', 'empty', 'missing'] as const;

const TIME_NAMES = [
  'now', 'now_epoch_millis', 'now+1h', 'now-25m[m]', 'now[h]', 'now_epoch_millis[d]', 'now+3d[s]', 'now[]', 'nowabc[h]',
  'now[w]', 'now[mo]', 'now[y]', 'now-30', 'now+500ms[s]', 'now+1x', 'later', 'now--5s', 'now[x]', 'now_epoch_millis-1y',
];
const TOPIC_NAMES = ['full', 'namespace', 'entityName', 'group', 'channel', 'criterion', 'action', 'subject', 'action-subject', 'bogus'];

/** `namespace:name` sources across every namespace, with unknown names and prefixes. */
const placeholderSource: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HEADER_NAMES).map((name) => `header:${name}`),
  fc.constantFrom('id', 'namespace', 'name', 'uuid').chain((name) => fc.constantFrom(`thing:${name}`, `entity:${name}`, `policy:${name}`)),
  fc.constantFrom('feature:id', 'feature:name', 'connection:id', 'connection:name', 'source:address', 'request:subjectId'),
  fc.constantFrom(...TOPIC_NAMES).map((name) => `topic:${name}`),
  fc.constantFrom('type', 'path', 'x').map((name) => `resource:${name}`),
  fc.constantFrom(...TIME_NAMES).map((name) => `time:${name}`),
  fc.constantFrom('thing-json:attributes/x', 'x:y', 'nocolon', 'header:', 'header :a', 'ing:namespace', 'HEADER:a'),
);

/** Characters that matter to the pipeline functions and to the template scanner. */
const literalText = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ':', '.', ',', ' ', '-', '/', '%', '=', '0', '1', '*', '?', '+', '|', '(', ')', '\\', '{', '}', '"'), maxLength: 6 });

/** A function argument: a quoted literal or a placeholder. */
const argument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: literalText.map((text) => `'${text.replace(/'/g, '')}'`) },
  { weight: 2, arbitrary: literalText.map((text) => `"${text.replace(/"/g, '')}"`) },
  { weight: 2, arbitrary: placeholderSource },
  { weight: 1, arbitrary: fc.constantFrom("'", '"x', 'x', "'a\\'", '', "'it\\'s'", 'fn:delete()') },
);

const FILTER_OPERATORS = ['eq', 'ne', 'exists', 'like', 'LIKE', 'lt', 'bogus'];

/** `fn:` stages: every function, right and wrong arities, unknown and malformed ones. */
const functionCall: fc.Arbitrary<string> = fc.oneof(
  { depthSize: 'small' },
  fc.constantFrom('upper', 'lower', 'trim', 'url-encode', 'url-decode', 'base64-encode', 'base64-decode', 'delete').map((name) => `fn:${name}()`),
  argument.map((a) => `fn:default(${a})`),
  argument.chain((a) => fc.constantFrom(`fn:substring-before(${a})`, `fn:substring-after(${a})`, `fn:split(${a})`, `fn:join(${a})`)),
  fc.tuple(argument, argument).map(([a, b]) => `fn:replace(${a}, ${b})`),
  fc.tuple(fc.constantFrom(...FILTER_OPERATORS), argument).map(([op, a]) => `fn:filter('${op}',${a})`),
  fc.tuple(argument, fc.constantFrom(...FILTER_OPERATORS), argument).map(([a, op, b]) => `fn:filter(${a},'${op}',${b})`),
  fc.tuple(argument, fc.constantFrom('exists', 'eq'), fc.constantFrom("'true'", "'false'", "'x'")).map(([a, op, b]) => `fn:filter(${a},'${op}',${b})`),
  fc.constantFrom("fn:filter('exists')", "fn:filter(header:a,'exists')", "fn:filter('exists','false')"),
  fc.tuple(fc.constantFrom('upper', 'lower', 'trim', 'delete', 'default', 'capitalize', 'nope', 'substring-before'), fc.constantFrom('', '(', '()', "('x')", '( )', "('a','b')", '(x)', '())')).map(([name, params]) => `fn:${name}${params}`),
  fc.constantFrom('upper()', 'fn:', 'fn:upper ()', 'FN:upper()', 'thing:id', '', "fn:format('%s')"),
);

/** `{{ source | fn… }}` with assorted spacing, sometimes in the legacy `${…}` form. */
const expression: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: placeholderSource }, { weight: 2, arbitrary: functionCall }),
    fc.array(functionCall, { maxLength: 4 }),
    fc.constantFrom(' | ', '|', ' |', '| ', ' || ', ' |  '),
    fc.constantFrom(['{{ ', ' }}'], ['{{', '}}'], ['{{  ', '}}'], ['${', '}'], ['${ ', ' }']),
  )
  .map(([source, stages, pipe, [open, close]]) => `${open}${[source, ...stages].join(pipe)}${close}`);

/** A template of literal text and expressions. */
const structuredTemplate: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: expression }, { weight: 1, arbitrary: literalText }), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''));

/** Long pipelines around the "too complex" limit (10 functions after a placeholder). */
const longPipeline: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('header:a', "fn:default('x')", 'thing:id'), fc.integer({ min: 8, max: 13 }), fc.constantFrom('fn:upper()', 'fn:trim()', "fn:default('y')"))
  .map(([source, count, stage]) => `{{ ${source}${` | ${stage}`.repeat(count)} }}`);

/** Token soup: well-formed pieces glued together in arbitrary order. */
const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('{{', '}}', '{', '}', '${', ' ', '|', 'fn:', 'upper()', 'default(', "'x'", ')', '(', 'header:a', 'thing:id', ':', "'", '"', 'a'), { maxLength: 12 })
  .map((tokens) => tokens.join(''));

/** Placeholder templates over every namespace and `fn:` function, including malformed ones. */
export const placeholderTemplate: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: structuredTemplate },
  { weight: 1, arbitrary: longPipeline },
  { weight: 2, arbitrary: tokenSoup },
);
