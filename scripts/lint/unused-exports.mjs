// Lists the exports of src/ that no other file imports (ts-prune style, with the TypeScript compiler the
// project already has). An export nothing uses is dead weight or a rule waiting to be restated, so the
// unit suite fails on one. Run by hand: `node scripts/lint/unused-exports.mjs`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `file:line name` for every export of a file under `scope` that no other file of the tsconfig's program
 * imports. A re-export (`export … from`) is not a use; a namespace or dynamic import uses every export.
 */
export function unusedExports({ root = projectRoot, tsconfig = 'tsconfig.json', scope = 'src' } = {}) {
  const configPath = path.join(root, tsconfig);
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (config === undefined) throw new Error(`Cannot read ${configPath}.`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checker = program.getTypeChecker();
  const inScope = (file) => path.relative(root, file.fileName).split(path.sep).join('/').startsWith(`${scope}/`);
  const ownFiles = program.getSourceFiles().filter((file) => !path.relative(root, file.fileName).split(path.sep).includes('node_modules'));

  const resolve = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const used = new Set();
  const useModule = (specifier) => {
    const moduleSymbol = checker.getSymbolAtLocation(specifier);
    if (moduleSymbol === undefined) return;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) used.add(resolve(exported));
  };
  const useName = (identifier) => {
    const symbol = checker.getSymbolAtLocation(identifier);
    if (symbol !== undefined) used.add(resolve(symbol));
  };

  for (const file of ownFiles) {
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && node.importClause !== undefined) {
        const { name, namedBindings } = node.importClause;
        if (name !== undefined) useName(name);
        if (namedBindings !== undefined && ts.isNamespaceImport(namedBindings)) useModule(node.moduleSpecifier);
        if (namedBindings !== undefined && ts.isNamedImports(namedBindings)) namedBindings.elements.forEach((element) => useName(element.name));
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined) {
        useModule(node.arguments[0]);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        useModule(node.argument.literal);
      } else if (ts.isImportEqualsDeclaration(node)) {
        useName(node.name);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const unused = [];
  for (const file of ownFiles) {
    if (!inScope(file)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (used.has(resolve(exported))) continue;
      // `export *` hands on another file's declarations; that file reports them.
      const declaration = exported.declarations?.find((candidate) => candidate.getSourceFile() === file);
      if (declaration === undefined) continue;
      const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
      unused.push(`${path.relative(root, file.fileName)}:${line} ${exported.name}`);
    }
  }
  return unused.sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const unused = unusedExports();
  for (const entry of unused) console.log(entry);
  console.log(unused.length === 0 ? 'No unused exports in src/.' : `${unused.length} exports in src/ that nothing imports.`);
  process.exitCode = unused.length === 0 ? 0 : 1;
}
