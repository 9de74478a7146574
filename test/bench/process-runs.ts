/**
 * Whole-process measurements with public tools only: the wall time from spawn to exit with
 * `process.hrtime`, and CPU time and peak memory (maximum resident set size) from GNU time
 * (`/usr/bin/time -f`), when the machine has it. Runs of the variants being compared alternate, so
 * a busy moment on a shared machine falls on both sides. The timed runs are the programs alone: GNU
 * time's own start and wait (3 to 4 ms here) would be counted in them, the same for every variant,
 * and so shrink the ratios of the fast ones. Peak memory comes from separate runs under GNU time, and
 * CPU from one timed batch of runs per variant, since GNU time counts CPU in 10 ms steps, too coarse
 * for a 20 ms process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ProcessRun {
  wallMs: number;
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
  return run(spec.command, spec.args, spec);
}

/** Peak resident memory in MiB of one run under GNU time; null without it. */
async function peakMiBOfOneRun(spec: ProcessSpec): Promise<number | null> {
  if (!hasGnuTime) return null;
  const timeFile = path.join(scratch, `run-${(counter += 1)}.txt`);
  await run(gnuTime, ['-f', '%M', '-o', timeFile, spec.command, ...spec.args], spec);
  return Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) / 1024;
}

function run(command: string, args: readonly string[], spec: ProcessSpec): Promise<ProcessRun> {
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
      resolve({ wallMs, code });
    });
    child.stdin.end(spec.stdin ?? '');
  });
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
  /** User + system CPU per run, from GNU time over a batch; null without it. */
  cpuMs: number | null;
  /** Peak resident memory in MiB, the median of a few runs under GNU time; null without it. */
  peakMiB: number | null;
}

/** Runs under GNU time for the peak memory: the figure barely varies between runs. */
const PEAK_RUNS = 3;

async function peakMiB(spec: ProcessSpec): Promise<number | null> {
  const peaks: number[] = [];
  for (let index = 0; index < PEAK_RUNS; index += 1) {
    const peak = await peakMiBOfOneRun(spec);
    if (peak === null) return null;
    peaks.push(peak);
  }
  return median(peaks);
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

/** Each variant's median wall time, its CPU figure from a batch of `runs` (see batchCpuMs) and its peak memory. */
export async function measure<K extends string>(runs: number, variants: Record<K, ProcessSpec>): Promise<Record<K, Medians>> {
  const all = await alternateRuns(runs, variants);
  const result = {} as Record<K, Medians>;
  for (const name of Object.keys(variants) as K[]) {
    result[name] = { wallMs: median(all[name].map((one) => one.wallMs)), cpuMs: await batchCpuMs(variants[name], runs), peakMiB: await peakMiB(variants[name]) };
  }
  return result;
}
