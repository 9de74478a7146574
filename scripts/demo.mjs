// `npm run demo`: Gridpass against the built-in practice site, with a settings folder and a keychain
// service name of its own, so a demo never touches a real Gridpass setup. With an Electron binary it is
// the desktop app; without one, the browser preview (the real window in Chromium, see
// test/fixtures/browser/browser-preview.ts).
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findElectronBinary } from './electron-binary.mjs';

const electron = findElectronBinary();
if (electron === null) {
  console.log('No Electron binary is installed here, so this is the browser preview instead of the desktop app.');
  await import('../out/preview/browser-preview.js');
} else {
  await runDesktopDemo(electron, process.argv[2] ?? 'oxygen');
}

async function runDesktopDemo(binary, method) {
  const site = spawn(process.execPath, ['out/cli/gridpass.js', 'practice-site', '--method', method, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    const lines = createInterface({ input: site.stdout });
    lines.on('line', (line) => {
      text += line;
      try {
        resolve(JSON.parse(text).url);
        lines.close();
      } catch {
        // The JSON document spans several lines; keep reading.
      }
    });
    site.on('exit', (code) => reject(new Error(`the practice site stopped (exit ${code})`)));
  });
  console.log(`Practice site (${method}) at ${url}. Its accounts: gridpass practice-site --help, or ${url}/__practice/accounts`);
  const app = spawn(binary, ['.'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      GRIDPASS_PRACTICE_SITE: url,
      GRIDPASS_HOME: process.env.GRIDPASS_HOME ?? join(homedir(), '.gridpass-demo'),
      GRIDPASS_KEYCHAIN_SERVICE: process.env.GRIDPASS_KEYCHAIN_SERVICE ?? 'Gridpass-demo',
    },
  });
  app.on('exit', (code) => {
    site.kill('SIGINT');
    process.exitCode = code ?? 0;
  });
}
