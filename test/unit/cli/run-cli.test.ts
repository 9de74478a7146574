import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/cli/exit-codes';
import { commands } from '../../../src/cli/run-cli';
import { createFakeShotgridClient } from '../../fixtures/fake-shotgrid-client';
import { runGridpass, testCliContext } from '../../fixtures/cli-io';

describe('gridpass', () => {
  it('prints the version and nothing else', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, io } = await runGridpass([flag]);
      expect(code).toBe(ExitCode.ok);
      expect(io.stdout).toBe('9.9.9-test\n');
      expect(io.stderr).toBe('');
    }
  });

  it('takes its version from the build-time constant', async () => {
    const { createCliContext } = await import('../../../src/cli/cli-context');
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as { version: string };
    expect(createCliContext({ env: {} }).version).toBe(pkg.version);
  });

  it('lists every command and the exit codes in its help', async () => {
    const { code, io } = await runGridpass(['--help']);
    expect(code).toBe(ExitCode.ok);
    for (const command of commands) expect(io.stdout).toContain(command.name);
    expect(io.stdout).toMatch(/0 {2}all good/);
    expect(io.stdout).toMatch(/2 {2}usage error/);
    expect(io.stdout).toMatch(/3 {2}internal error/);
  });

  it('shows each command its own help, with --help anywhere and as `help <command>`', async () => {
    for (const command of commands) {
      const asFlag = await runGridpass([command.name, '--site', 'x', '--help']);
      expect(asFlag.code).toBe(ExitCode.ok);
      expect(asFlag.io.stdout).toContain(`gridpass ${command.name}`);
      const asTopic = await runGridpass(['help', command.name]);
      expect(asTopic.io.stdout).toBe(asFlag.io.stdout);
    }
  });

  it('without a command prints the help on stderr and exits with the usage code', async () => {
    const { code, io } = await runGridpass([]);
    expect(code).toBe(ExitCode.usage);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('Usage: gridpass <command>');
  });

  it('names an unknown command and points to the help', async () => {
    const { code, io } = await runGridpass(['frobnicate']);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toBe('gridpass: Unknown command "frobnicate".\nSee: gridpass --help\n');
  });

  it('suggests the nearest command for a mistyped one, in the error and for `help <topic>`', async () => {
    const mistyped = await runGridpass(['doctr']);
    expect(mistyped.code).toBe(ExitCode.usage);
    expect(mistyped.io.stderr).toBe('gridpass: Unknown command "doctr". Did you mean "gridpass doctor"?\nSee: gridpass --help\n');
    const swapped = await runGridpass(['help', 'verfiy']);
    expect(swapped.io.stderr).toContain('Did you mean "gridpass verify"?');
  });

  it('suggests the nearest option of the command for a mistyped option', async () => {
    const { code, io } = await runGridpass(['site', 'mystudio', '--jsno']);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain("Unknown option '--jsno'. Did you mean --json?");
    expect(io.stderr).toContain('See: gridpass site --help');
  });

  it('turns an unknown option into a usage error that points to the command help', async () => {
    const { code, io } = await runGridpass(['site', 'mystudio', '--colour']);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain("Unknown option '--colour'");
    expect(io.stderr).toContain('See: gridpass site --help');
  });

  it('reports an unexpected exception as one plain line and exit 3, without a stack trace', async () => {
    const client = createFakeShotgridClient({});
    client.probe = () => Promise.reject(new TypeError('boom\n    at somewhere (file.ts:1:1)'));
    const { code, io } = await runGridpass(['site', 'mystudio'], testCliContext({ client: () => client }));
    expect(code).toBe(ExitCode.internal);
    expect(io.stderr).toBe('gridpass: internal error: TypeError: boom (run again with GRIDPASS_DEBUG=1 for details)\n');
    expect(io.stdout).toBe('');
  });

  it('adds the stack trace only with GRIDPASS_DEBUG=1', async () => {
    const client = createFakeShotgridClient({});
    client.probe = () => Promise.reject(new Error('boom'));
    const { code, io } = await runGridpass(['site', 'mystudio'], testCliContext({ client: () => client, env: { GRIDPASS_DEBUG: '1' } }));
    expect(code).toBe(ExitCode.internal);
    expect(io.stderr).toMatch(/internal error: Error: boom[\s\S]*\n\s+at /);
  });
});
