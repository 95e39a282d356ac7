/**
 * Renders variables as `export NAME='value'` lines for `eval` or `source` in a POSIX shell.
 * Values are single-quoted so URLs with `&` or `%` survive unchanged.
 */
export function formatEnv(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'\n`)
    .join('');
}
