/**
 * Whole-process measurements with public tools only: the wall time from spawn to exit with
 * `process.hrtime`, and CPU time and peak memory (maximum resident set size) from GNU time
 * (`/usr/bin/time -f`), when the machine has it. Runs of the variants being compared alternate, so
 * a busy moment on a shared machine falls on both sides. GNU time counts CPU in 10 ms steps, too
 * coarse for a 20 ms process, so the CPU figure comes from one timed batch of runs per variant.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU, from GNU time; null without it. */
  cpuMs: number | null;
  /** Peak resident memory in MiB, from GNU time; null without it. */
  peakMiB: number | null;
  code: number;
}

export interface ProcessSpec {
  command: string;
  args: readonly string[];
  stdin?: string;
  env?: Readonly<Record<string, string>>;
  /** The exit code a good run ends with; anything else stops the bench (a figure of a failure is no figure). */
  expectCode?: number;
}

const gnuTime = '/usr/bin/time';
export const hasGnuTime = spawnSync(gnuTime, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

const scratch = mkdtempSync(path.join(tmpdir(), 'gridpass-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

export function runProcess(spec: ProcessSpec): Promise<ProcessRun> {
  const timeFile = path.join(scratch, `run-${(counter += 1)}.txt`);
  const [command, args] = hasGnuTime
    ? [gnuTime, ['-f', '%U %S %M', '-o', timeFile, spec.command, ...spec.args]]
    : [spec.command, [...spec.args]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...spec.env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const code = exitCode ?? -1;
      if (code !== (spec.expectCode ?? 0)) {
        reject(new Error(`${path.basename(spec.command)} ${spec.args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve({ wallMs, code, ...timeFigures(timeFile) });
    });
    child.stdin.end(spec.stdin ?? '');
  });
}

function timeFigures(file: string): { cpuMs: number | null; peakMiB: number | null } {
  if (!hasGnuTime) return { cpuMs: null, peakMiB: null };
  const [user, system, maxKiB] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpuMs: (user! + system!) * 1000, peakMiB: maxKiB! / 1024 };
}

/**
 * Runs every variant `runs` times, interleaved and in a reversed order every other round (A B, B A,
 * ...), after one unmeasured warm-up run of each (file cache, the site's first request).
 */
export async function alternateRuns<K extends string>(runs: number, variants: Record<K, ProcessSpec>): Promise<Record<K, ProcessRun[]>> {
  const names = Object.keys(variants) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as ProcessRun[]])) as Record<K, ProcessRun[]>;
  for (const name of names) await runProcess(variants[name]);
  for (let round = 0; round < runs; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) results[name].push(await runProcess(variants[name]));
  }
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Medians {
  wallMs: number;
  cpuMs: number | null;
  peakMiB: number | null;
}

export function medians(runs: readonly ProcessRun[]): Medians {
  const known = (values: Array<number | null>) => (values.every((value) => value !== null) ? median(values as number[]) : null);
  return { wallMs: median(runs.map((run) => run.wallMs)), cpuMs: known(runs.map((run) => run.cpuMs)), peakMiB: known(runs.map((run) => run.peakMiB)) };
}

const shellWord = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * CPU time (user + system) per run, from GNU time over a shell loop of `runs` runs: the 10 ms steps
 * are spread over the batch. The loop's own shell adds the same small amount to every variant.
 */
export async function batchCpuMs(spec: ProcessSpec, runs: number): Promise<number | null> {
  if (!hasGnuTime) return null;
  counter += 1;
  const stdinFile = path.join(scratch, `batch-${counter}.in`);
  const script = path.join(scratch, `batch-${counter}.sh`);
  const timeFile = path.join(scratch, `batch-${counter}.txt`);
  writeFileSync(stdinFile, spec.stdin ?? '');
  const command = [spec.command, ...spec.args].map(shellWord).join(' ');
  writeFileSync(script, `i=0\nwhile [ "$i" -lt ${runs} ]; do\n  ${command} < ${shellWord(stdinFile)} > /dev/null 2>&1 || exit 1\n  i=$((i + 1))\ndone\n`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(gnuTime, ['-f', '%U %S', '-o', timeFile, 'sh', script], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', ...spec.env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a batch of ${path.basename(spec.command)} ${spec.args.join(' ')} failed (exit ${code})`))));
  });
  const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return ((user! + system!) * 1000) / runs;
}

/** Each variant's medians, with the CPU figure from a batch of `runs` (see batchCpuMs). */
export async function measure<K extends string>(runs: number, variants: Record<K, ProcessSpec>): Promise<Record<K, Medians>> {
  const all = await alternateRuns(runs, variants);
  const result = {} as Record<K, Medians>;
  for (const name of Object.keys(variants) as K[]) {
    result[name] = { ...medians(all[name]), cpuMs: await batchCpuMs(variants[name], runs) };
  }
  return result;
}
