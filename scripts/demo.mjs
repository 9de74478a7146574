// `npm run demo`: starts the practice site and the app pointed at it, with a settings folder and a
// keychain service name of their own, so a demo never touches a real Gridpass setup.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const method = process.argv[2] ?? 'oxygen';
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

/** Without loading the electron package, whose first load tries to download the binary. */
function electronBinary() {
  if (process.env.ELECTRON_PATH && existsSync(process.env.ELECTRON_PATH)) return process.env.ELECTRON_PATH;
  const pathFile = 'node_modules/electron/path.txt';
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electron = electronBinary();
if (electron === null) {
  console.log('No Electron binary is installed here, so only the practice site runs (Ctrl-C to stop).');
  console.log(`Try it from the command line:  node out/cli/gridpass.js doctor --site ${url}`);
  process.on('SIGINT', () => site.kill('SIGINT'));
} else {
  const app = spawn(electron, ['.'], {
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
