/**
 * Live progress as a person sees it: the built `gridpass` with its output on a pseudo-terminal
 * (Python's pty module), against practice sites on loopback, one of them slow. Without a terminal,
 * or with --json, nothing but the results is printed.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeSite, type PracticeAccountInfo, type PracticeSite } from '../../../src/practice-site';
import { buildCliOnce, builtCli, cliSandbox, projectRoot, type CliSandbox } from '../../fixtures/cli-process';

let sandbox: CliSandbox;
let slow: PracticeSite;
let quick: PracticeSite;
let maya: PracticeAccountInfo;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('progress');
  // Every answer of the slow site takes a little over three seconds: "slow" on screen.
  slow = await startPracticeSite({ faults: { latencyMs: 3300 } });
  quick = await startPracticeSite();
  maya = quick.accounts.find((account) => account.scenario === 'works')!;
});

afterAll(async () => {
  await slow?.close();
  await quick?.close();
  await sandbox?.cleanup();
});

interface Shown {
  code: number | null;
  output: string;
}

/** On a terminal of 100 columns: stdout and stderr as the terminal showed them, together. */
function onTerminal(args: readonly string[], stdin = ''): Promise<Shown> {
  return run('python3', [`${projectRoot}test/fixtures/run_in_pty.py`, '100', process.execPath, builtCli, ...args], stdin);
}

/** With stdout on a pipe (a log, a script): stdout only. */
function onPipe(args: readonly string[], stdin = ''): Promise<Shown> {
  return run(process.execPath, [builtCli, ...args], stdin);
}

function run(command: string, args: readonly string[], stdin: string): Promise<Shown> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { env: { ...sandbox.env, TERM: 'xterm-256color', NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout) => {
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolve({ code: error === null ? 0 : (error.code as number), output: stdout });
    });
    child.stdin?.end(stdin);
  });
}

const redraw = '\r\u001b[2K';
/** Each state of the live line, in the order shown. */
const liveStates = (output: string) => output.split(redraw).map((part) => part.split('\r\n')[0]!.trim()).filter((part) => /^[-\\|/] {2}/.test(part));

describe('gridpass doctor', () => {
  it('on a terminal spins for the running check, shows its time after a second and says when it is slow', async () => {
    const shown = await onTerminal(['doctor', '--site', slow.url]);
    const states = liveStates(shown.output).filter((state) => state.includes('ShotGrid site'));
    expect(states.length).toBeGreaterThan(3);
    expect(new Set(states.map((state) => state[0])).size).toBeGreaterThan(1);
    expect(states).toContainEqual(expect.stringMatching(/ShotGrid site\.\.\. {2}1\.\d\u00a0s$/));
    expect(states).toContainEqual(expect.stringMatching(/ShotGrid site\.\.\. {2}3\.\d\u00a0s, slow$/));
    expect(shown.output).toMatch(/PASS {2}ShotGrid site {4}.*\(3\.\d\u00a0s, slow\)/);
  });

  it('without a terminal prints the finished checks only', async () => {
    const shown = await onPipe(['doctor', '--site', slow.url]);
    expect(shown.output).toMatch(/PASS {2}ShotGrid site {4}ShotGrid \S+ answers at/);
    expect(shown.output).not.toContain('\r');
    expect(shown.output).not.toMatch(/slow|\u00a0s\b/);
  });
});

describe('gridpass verify', () => {
  const args = () => ['verify', '--site', quick.url, '--login', maya.login, '--passphrase-stdin'];

  it('on a terminal shows what it waits for and says how long the login took', async () => {
    const shown = await onTerminal(args(), `${maya.passphrase}\n`);
    expect(shown.code).toBe(0);
    expect(liveStates(shown.output)).toContainEqual(expect.stringMatching(/^- {2}Asking 127\.0\.0\.1 what it is\.\.\./));
    expect(liveStates(shown.output)).toContainEqual(expect.stringMatching(/^- {2}Trying the login on 127\.0\.0\.1\.\.\./));
    expect(shown.output).toMatch(/\r\n {2}The login took \d+\.\d\u00a0s\.\r\n$/);
  });

  it('with --json on a terminal prints the JSON document and nothing else', async () => {
    const shown = await onTerminal([...args(), '--json'], `${maya.passphrase}\n`);
    expect(shown.code).toBe(0);
    expect(shown.output).not.toContain(redraw);
    expect(JSON.parse(shown.output)).toMatchObject({ ok: true });
  });

  it('without a terminal prints the result and no timing', async () => {
    const shown = await onPipe(args(), `${maya.passphrase}\n`);
    expect(shown.code).toBe(0);
    expect(shown.output).toContain('The login works');
    expect(shown.output).not.toContain('took');
  });
});
