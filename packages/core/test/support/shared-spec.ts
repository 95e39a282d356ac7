import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared specification folder beside the repository (`../shared/spec`). */
export const SHARED_SPEC_DIR = fileURLToPath(new URL('../../../../../shared/spec/', import.meta.url));

/** Fails loudly when the shared folder is missing: these tests compare against its reference data. */
export function requireSharedSpec(): string {
  if (!existsSync(SHARED_SPEC_DIR)) {
    throw new Error(`The shared specification is expected at ${SHARED_SPEC_DIR} (a folder named "shared" beside the repository).`);
  }
  return SHARED_SPEC_DIR;
}

/** Every JSON code block of the spec's markdown files; `"key": {...}` fragments are wrapped into an object. */
export function specJsonBlocks(): { file: string; line: number; json: unknown }[] {
  const dir = requireSharedSpec();
  const blocks: { file: string; line: number; json: unknown }[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(dir + file, 'utf8');
    for (const match of text.matchAll(/```json\n([\s\S]*?)```/g)) {
      const body = match[1] ?? '';
      const line = text.slice(0, match.index).split('\n').length;
      for (const candidate of [body, `{${body}}`]) {
        try {
          blocks.push({ file, line, json: JSON.parse(candidate) });
          break;
        } catch {
          // not JSON in this form; try the next
        }
      }
    }
  }
  return blocks;
}

/** Ditto's published JSON schema of a connection. */
export function dittoConnectionSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(requireSharedSpec() + 'schemas/connection.json', 'utf8')) as Record<string, unknown>;
}
