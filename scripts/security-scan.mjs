#!/usr/bin/env node
// Static security check for the Electron app, run in CI: the Electron security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security) plus this project's own rules, over the
// sources and over the built bundles (what actually ships). Any finding that is not explained in
// security-scan-allowlist.json fails the run, and so does an allow-list entry that no longer matches.
//
//   node scripts/security-scan.mjs [--root DIR] [--out DIR] [--require-build] [--json]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const rules = {
  'node-integration': 'nodeIntegration (or its worker/subframe variants) is not false',
  'context-isolation': 'contextIsolation is not true',
  'sandbox': 'sandbox is not true',
  'web-security': 'webSecurity is set (leave it at its default, true)',
  'insecure-content': 'allowRunningInsecureContent is set',
  'experimental-features': 'experimentalFeatures is set',
  'blink-features': 'enableBlinkFeatures is set',
  'webview': '<webview> is enabled or used',
  'webview-allowpopups': 'a <webview> allows popups',
  'web-preferences-incomplete': 'webPreferences must set contextIsolation: true, sandbox: true and nodeIntegration: false explicitly',
  'missing-window-open-handler': 'windows are created but no setWindowOpenHandler denies new windows',
  'missing-navigation-guard': 'windows are created but no will-navigate handler limits navigation',
  'missing-webview-guard': 'windows are created but no will-attach-webview handler blocks webviews',
  'missing-permission-handler': 'windows are created but the session permission request/check handlers are not set',
  'missing-enable-sandbox': 'windows are created but app.enableSandbox() is never called',
  'open-external': 'shell.openExternal is used outside createSafeOpenExternal(...)',
  'ipc-outside-validator': 'an ipcMain handler is registered outside validatedHandle()',
  'preload-exposes-ipc': 'the preload hands ipcRenderer, its event or Node/Electron objects to the page',
  'file-protocol': 'pages are loaded from file:// (serve them from app://bundle/)',
  'missing-csp': 'no Content-Security-Policy header is sent for the app pages',
  'weak-csp': 'a Content-Security-Policy allows unsafe-inline, unsafe-eval or any source',
  'tls-verification': 'TLS certificate verification is weakened',
  'remote-module': 'the remote module is enabled or imported',
  'inner-html': 'the renderer writes raw HTML',
};

const webPreferenceKeys = new Set(['preload', 'contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'webviewTag']);
const ipcRegistration = new Set(['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener']);
const allowedIpcRendererUses = new Set(['invoke', 'on', 'removeListener', 'off']);

/** Scans one file's text; `kind` says which rules apply: main, preload, renderer or html. */
export function scanText(file, text, kind, { bundled = false } = {}) {
  if (kind === 'html') return scanHtml(file, text);
  const scriptKind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind);
  const findings = [];
  const facts = new Set();
  const lines = text.split('\n');
  const report = (rule, node, detail) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ rule, file, line: line + 1, message: detail ?? rules[rule], text: (lines[line] ?? '').trim().slice(0, 200) });
  };

  const visit = (node) => {
    if (ts.isPropertyAssignment(node)) checkProperty(node, report);
    // Windows are created in main only; React's own objects in the renderer bundle look alike.
    if (ts.isObjectLiteralExpression(node) && kind === 'main') checkWebPreferences(node, report);
    if (ts.isNewExpression(node) && /^(BrowserWindow|BrowserView|WebContentsView)$/.test(node.expression.getText(source))) facts.add('creates-window');
    if (ts.isPropertyAccessExpression(node)) checkPropertyAccess(node, source, { rawHtml: kind === 'renderer' && !bundled }, report, facts);
    if (ts.isCallExpression(node)) checkCall(node, source, kind, report, facts);
    if (ts.isStringLiteralLike(node)) checkString(node, kind, report, facts);
    if (ts.isPropertyAccessExpression(node) && node.name.text === tlsVariable && isAssignedTo(node)) report('tls-verification', node);
    if (ts.isJsxAttribute(node)) checkJsxAttribute(node, report);
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === 'webview') report('webview', node);
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && /@electron\/remote/.test(node.moduleSpecifier.getText(source))) report('remote-module', node);
    if (kind === 'preload' && ts.isIdentifier(node) && node.text === 'ipcRenderer') checkIpcRendererUse(node, report);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { findings, facts: [...facts] };
}

function literalValue(expression) {
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  // esbuild and minifiers write booleans as !0 / !1.
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(expression.operand)) {
    return expression.operand.text === '0';
  }
  return undefined;
}

function propertyName(node) {
  if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) return node.name.text;
  return null;
}

function checkProperty(node, report) {
  const name = propertyName(node);
  if (name === null) return;
  const value = literalValue(node.initializer);
  if (/^nodeIntegration(InWorker|InSubFrames)?$/.test(name) && value !== false) report('node-integration', node);
  else if (name === 'contextIsolation' && value !== true) report('context-isolation', node);
  else if (name === 'sandbox' && value === false) report('sandbox', node);
  else if (name === 'webSecurity') report('web-security', node);
  else if (name === 'allowRunningInsecureContent' && value !== false) report('insecure-content', node);
  else if (name === 'experimentalFeatures' && value !== false) report('experimental-features', node);
  else if (name === 'enableBlinkFeatures') report('blink-features', node);
  else if (name === 'webviewTag' && value !== false) report('webview', node);
  else if (name === 'enableRemoteModule' && value !== false) report('remote-module', node);
  else if (name === 'rejectUnauthorized' && value === false) report('tls-verification', node);
  // An environment handed to a child or merged into process.env.
  else if (name === 'NODE_TLS_REJECT_UNAUTHORIZED') report('tls-verification', node);
}

const tlsVariable = 'NODE_TLS_REJECT_UNAUTHORIZED';

/**
 * Setting the variable weakens TLS for the whole process; reading it (doctor warns when it is set) does
 * not: `process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = …` and `process.env.NODE_TLS_REJECT_UNAUTHORIZED = …`.
 */
function writesVariable(node) {
  const parent = node.parent;
  if (ts.isComputedPropertyName(parent)) return true;
  return ts.isElementAccessExpression(parent) && parent.argumentExpression === node && isAssignedTo(parent);
}

function isAssignedTo(expression) {
  const parent = expression.parent;
  return ts.isBinaryExpression(parent) && parent.left === expression &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** An object that is a webPreferences value, or looks like one, must pin the three essentials. */
function checkWebPreferences(node, report) {
  const entries = new Map();
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property) !== null) entries.set(propertyName(property), property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) entries.set(property.name.text, property.name);
  }
  const parent = node.parent;
  const isWebPreferencesValue = ts.isPropertyAssignment(parent) && propertyName(parent) === 'webPreferences';
  const looksLikeOne = entries.has('preload') && [...entries.keys()].filter((key) => webPreferenceKeys.has(key)).length >= 2;
  if (!isWebPreferencesValue && !looksLikeOne) return;
  const pinned = (key, expected) => entries.has(key) && literalValue(entries.get(key)) === expected;
  if (!pinned('contextIsolation', true) || !pinned('sandbox', true) || !pinned('nodeIntegration', false)) report('web-preferences-incomplete', node);
}

function enclosingFunctionName(node) {
  for (let current = node.parent; current; current = current.parent) {
    if ((ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isMethodDeclaration(current)) && current.name) return current.name.getText();
    if ((ts.isArrowFunction(current) || ts.isFunctionExpression(current)) && ts.isVariableDeclaration(current.parent)) return current.parent.name.getText();
  }
  return null;
}

function insideCallTo(node, calleePattern) {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && calleePattern.test(current.expression.getText())) return true;
  }
  return false;
}

// Raw HTML is checked in renderer sources only: React's own bundle necessarily contains innerHTML.
function checkPropertyAccess(node, source, { rawHtml }, report, facts) {
  const object = node.expression.getText(source);
  const name = node.name.text;
  if (name === 'openExternal' && /(^|\.)shell$/.test(object) && !insideCallTo(node, /^createSafeOpenExternal\d*$/)) report('open-external', node);
  if (/(^|\.)ipcMain$/.test(object) && ipcRegistration.has(name) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
    if (!/^validatedHandle\d*$/.test(enclosingFunctionName(node) ?? '')) report('ipc-outside-validator', node);
  }
  if (rawHtml && (name === 'innerHTML' || name === 'outerHTML') && ts.isBinaryExpression(node.parent) && node.parent.left === node) report('inner-html', node);
  if (name === 'enableSandbox') facts.add('enable-sandbox');
}

function checkCall(node, source, kind, report, facts) {
  const callee = node.expression.getText(source);
  const method = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : callee;
  const firstArgument = node.arguments[0];
  const firstString = firstArgument && ts.isStringLiteralLike(firstArgument) ? firstArgument.text : null;
  if (method === 'setWindowOpenHandler') facts.add('window-open-handler');
  if (method === 'setPermissionRequestHandler') facts.add('permission-request-handler');
  if (method === 'setPermissionCheckHandler') facts.add('permission-check-handler');
  if (method === 'on' && firstString === 'will-navigate') facts.add('will-navigate');
  if (method === 'on' && firstString === 'will-attach-webview') facts.add('will-attach-webview');
  if (method === 'loadFile' || method === 'registerFileProtocol' || method === 'interceptFileProtocol') report('file-protocol', node);
  if (method === 'loadURL' && firstArgument && /^[`'"]file:/i.test(firstArgument.getText(source))) report('file-protocol', node);
  if (method === 'appendSwitch' && firstString !== null && /ignore-certificate-errors|disable-web-security|allow-running-insecure-content/.test(firstString)) report('tls-verification', node);
  if (method === 'on' && firstString === 'certificate-error') report('tls-verification', node, 'a certificate-error handler can accept bad certificates; none is needed');
  if (method === 'setCertificateVerifyProc') report('tls-verification', node, 'a certificate verify proc replaces Chromium\'s verification');
  if (/^(require|import)$/.test(callee) && firstString !== null && /^@electron\/remote/.test(firstString)) report('remote-module', node);
  if (kind === 'preload' && method === 'exposeInMainWorld') {
    for (const argument of node.arguments.slice(1)) {
      const exposed = argument.getText(source);
      if (/^(ipcRenderer|require|process|electron|contextBridge|module)$/.test(exposed)) report('preload-exposes-ipc', argument);
    }
  }
  if (kind === 'preload' && method === 'on' && /(^|\.)ipcRenderer$/.test(ts.isPropertyAccessExpression(node.expression) ? node.expression.expression.getText(source) : '')) {
    checkListenerDropsEvent(node.arguments[1], source, report);
  }
}

/** A listener handed to ipcRenderer.on must not pass its first parameter (the event) anywhere. */
function checkListenerDropsEvent(listener, source, report) {
  if (!listener || !(ts.isArrowFunction(listener) || ts.isFunctionExpression(listener))) return;
  const eventParameter = listener.parameters[0];
  if (!eventParameter || !ts.isIdentifier(eventParameter.name)) return;
  const name = eventParameter.name.text;
  const find = (node) => {
    if (ts.isIdentifier(node) && node.text === name && node !== eventParameter.name) report('preload-exposes-ipc', node, 'an ipcRenderer listener passes its event on');
    ts.forEachChild(node, find);
  };
  find(listener.body);
  void source;
}

function checkIpcRendererUse(node, report) {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
    if (!allowedIpcRendererUses.has(parent.name.text)) report('preload-exposes-ipc', node, `ipcRenderer.${parent.name.text} is not one of invoke/on/removeListener`);
    return;
  }
  // Declarations and imports of the name itself are fine; any other use hands the object on.
  if (ts.isImportSpecifier(parent) || ts.isBindingElement(parent) || ts.isVariableDeclaration(parent) && parent.name === node) return;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return;
  report('preload-exposes-ipc', node, 'ipcRenderer itself is passed on');
}

function checkString(node, kind, report, facts) {
  const text = node.text;
  if (/^content-security-policy$/i.test(text)) facts.add('csp-header');
  if (/default-src/.test(text) && isWeakCsp(text)) report('weak-csp', node);
  if (text === 'NODE_TLS_REJECT_UNAUTHORIZED' && writesVariable(node)) report('tls-verification', node);
  if (kind !== 'main' && /<webview[\s>]/i.test(text)) report('webview', node);
  if (/allowpopups/i.test(text) && kind !== 'main') report('webview-allowpopups', node);
}

function checkJsxAttribute(node, report) {
  const name = node.name.getText();
  if (name.toLowerCase() === 'allowpopups') report('webview-allowpopups', node);
  if (name === 'dangerouslySetInnerHTML') report('inner-html', node);
}

/** Weak: any directive allowing inline or eval'd code, any host, or a whole scheme (data: only for images). */
export function isWeakCsp(policy) {
  return policy.split(';').some((directive) => {
    const [name = '', ...sources] = directive.trim().split(/\s+/);
    return sources.some((source) => /^'unsafe-(inline|eval|hashes)'$|^\*$|^(https?|wss?|blob|filesystem):$/.test(source)
      || (source === 'data:' && name !== 'img-src'));
  });
}

function scanHtml(file, text) {
  const findings = [];
  const lineOf = (index) => text.slice(0, index).split('\n').length;
  const lineText = (index) => (text.split('\n')[lineOf(index) - 1] ?? '').trim().slice(0, 200);
  for (const match of text.matchAll(/<webview\b/gi)) findings.push({ rule: 'webview', file, line: lineOf(match.index), message: rules.webview, text: lineText(match.index) });
  for (const match of text.matchAll(/\sallowpopups\b/gi)) findings.push({ rule: 'webview-allowpopups', file, line: lineOf(match.index), message: rules['webview-allowpopups'], text: lineText(match.index) });
  for (const match of text.matchAll(/http-equiv=["']Content-Security-Policy["'][^>]*content=["']([^"']*)["']/gi)) {
    if (isWeakCsp(match[1])) findings.push({ rule: 'weak-csp', file, line: lineOf(match.index), message: rules['weak-csp'], text: lineText(match.index) });
  }
  for (const match of text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/gi)) {
    findings.push({ rule: 'weak-csp', file, line: lineOf(match.index), message: 'an inline <script> cannot run under the CSP; move it to a file', text: lineText(match.index) });
  }
  return { findings, facts: [] };
}

/** Rules about the whole scope: if it creates windows, the guards must exist somewhere in it. */
export function scopeFindings(scope, facts) {
  if (!facts.has('creates-window')) return [];
  const required = [
    ['window-open-handler', 'missing-window-open-handler'],
    ['will-navigate', 'missing-navigation-guard'],
    ['will-attach-webview', 'missing-webview-guard'],
    ['permission-request-handler', 'missing-permission-handler'],
    ['permission-check-handler', 'missing-permission-handler'],
    ['enable-sandbox', 'missing-enable-sandbox'],
    ['csp-header', 'missing-csp'],
  ];
  const seen = new Set();
  return required
    .filter(([fact, rule]) => !facts.has(fact) && !seen.has(rule) && seen.add(rule))
    .map(([, rule]) => ({ rule, file: scope, line: 0, message: rules[rule], text: '' }));
}

function listFiles(dir, pattern) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

function kindOf(relative) {
  if (relative.endsWith('.html')) return 'html';
  if (/(^|\/)preload[^/]*\.(ts|cjs|js)$/.test(relative) && !relative.endsWith('.map')) return 'preload';
  if (relative.startsWith('renderer/') || relative.startsWith('out/renderer/') || relative.includes('/renderer/')) return 'renderer';
  return 'main';
}

/**
 * Scans the sources (main/, src/app-shell/, renderer/) and, when present, the built bundles in
 * `outDir` (out/main, out/preload, out/renderer). Returns every finding, before the allow-list.
 */
export function scanProject({ root, outDir = path.join(root, 'out') }) {
  const scopes = {
    sources: [
      ...listFiles(path.join(root, 'main'), /\.ts$/),
      ...listFiles(path.join(root, 'src', 'app-shell'), /\.ts$/),
      ...listFiles(path.join(root, 'renderer'), /\.(tsx?|html)$/),
    ],
    bundles: [
      ...listFiles(path.join(outDir, 'main'), /\.js$/),
      ...listFiles(path.join(outDir, 'preload'), /\.cjs$/),
      ...listFiles(path.join(outDir, 'renderer'), /\.(js|html)$/),
    ],
  };
  const findings = [];
  const scanned = { sources: scopes.sources.length, bundles: scopes.bundles.length };
  for (const [scope, files] of Object.entries(scopes)) {
    const facts = new Set();
    for (const file of files) {
      const relative = path.relative(scope === 'bundles' ? path.dirname(outDir) : root, file).split(path.sep).join('/');
      const label = scope === 'bundles' ? `out/${path.relative(outDir, file).split(path.sep).join('/')}` : relative;
      const result = scanText(label, readFileSync(file, 'utf8'), kindOf(label), { bundled: scope === 'bundles' });
      findings.push(...result.findings);
      for (const fact of result.facts) facts.add(fact);
    }
    findings.push(...scopeFindings(scope, facts));
  }
  return { findings, scanned };
}

/** Splits findings into explained (matched by an allow-list entry) and unexplained; lists stale entries. */
export function applyAllowList(findings, allowList) {
  const used = new Set();
  const unexplained = [];
  const explained = [];
  for (const finding of findings) {
    const index = allowList.findIndex((entry) => entry.rule === finding.rule && entry.file === finding.file && finding.text.includes(entry.contains ?? ''));
    if (index === -1) unexplained.push(finding);
    else {
      used.add(index);
      explained.push({ ...finding, reason: allowList[index].reason });
    }
  }
  const stale = allowList.filter((_, index) => !used.has(index));
  const invalid = allowList.filter((entry) => !rules[entry.rule] || typeof entry.reason !== 'string' || entry.reason.trim().length < 20);
  return { unexplained, explained, stale, invalid };
}

export function loadAllowList(root) {
  const file = path.join(root, 'security-scan-allowlist.json');
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).entries ?? [];
}

function main(argv) {
  const option = (name) => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  const root = path.resolve(option('--root') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const outDir = path.resolve(root, option('--out') ?? 'out');
  const { findings, scanned } = scanProject({ root, outDir });
  if (argv.includes('--require-build') && scanned.bundles === 0) {
    console.error(`security-scan: no built bundles in ${outDir}; run npm run build first.`);
    return 2;
  }
  const result = applyAllowList(findings, loadAllowList(root));
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ scanned, ...result }, null, 2));
  } else {
    for (const finding of result.unexplained) console.log(`${finding.file}:${finding.line}  ${finding.rule}  ${finding.message}${finding.text ? `\n    ${finding.text}` : ''}`);
    for (const entry of result.stale) console.log(`security-scan-allowlist.json: entry for ${entry.rule} in ${entry.file} matches nothing; remove it`);
    for (const entry of result.invalid) console.log(`security-scan-allowlist.json: entry for ${entry.rule} in ${entry.file} needs a known rule and a real reason`);
    console.log(`security-scan: ${scanned.sources} source files, ${scanned.bundles} built files; ${result.unexplained.length} unexplained, ${result.explained.length} explained by the allow-list${scanned.bundles === 0 ? ' (no build found: sources only)' : ''}`);
  }
  return result.unexplained.length + result.stale.length + result.invalid.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
