import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as core from '../src/index.js';

// The package root is the public API: every export carries documentation, and the functions
// that tooling outside the repository calls keep their names.

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

function undocumentedExports(): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('cannot read the package entry');
  return checker.getExportsOfModule(moduleSymbol).flatMap((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    return symbol.getDocumentationComment(checker).length > 0 ? [] : [exported.name];
  });
}

describe('public API of @twinlink/core', () => {
  it('documents every export', () => {
    expect(undocumentedExports()).toEqual([]);
  });

  it.each(['resolvePlaceholders', 'parseRql', 'evaluateRql', 'validateConnection', 'parseTargetTopic', 'checkEnforcement'])('exports %s as a function', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });
});
