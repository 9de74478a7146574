// `npm start`: builds, then runs the desktop app in Electron. Without an Electron binary it says so in
// one line and exits 1 before building, instead of the electron package's download attempt and stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary, noElectronMessage } from './electron-binary.mjs';

const electron = findElectronBinary();
if (electron === null) {
  console.error(noElectronMessage);
  process.exit(1);
}
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const app = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
