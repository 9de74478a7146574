import { describe, expect, it } from 'vitest';
import { Cancelled, UsageError } from '../../../src/cli/exit-codes';
import { readSecret } from '../../../src/cli/read-secret';
import { SecretList } from '../../../src/redaction/redact';
import { MAX_SECRET_INPUT_LENGTH } from '../../../src/vault/secret-size';
import { memoryIo } from '../../fixtures/cli-io';

const passphrase = { what: 'passphrase', stdinOption: '--passphrase-stdin' } as const;
const scriptKey = { what: 'script key', stdinOption: '--key-stdin', oneWord: true } as const;

describe('readSecret', () => {
  it('takes the first line of piped input exactly, without its CRLF line ending', async () => {
    const io = memoryIo({ stdin: ' two words \r\nnext\n' });
    await expect(readSecret(io, new SecretList(), { ...passphrase, source: 'stdin' })).resolves.toBe(' two words ');
  });

  it('asks with the hidden prompt when --passphrase-stdin is given on a terminal, which would echo a read', async () => {
    const io = memoryIo({ tty: true, answers: ['typed-planted'] });
    await expect(readSecret(io, new SecretList(), { ...passphrase, source: 'stdin' })).resolves.toBe('typed-planted');
    expect(io.stdinReads).toBe(0);
    expect(io.questions).toEqual([{ text: 'Passphrase (not shown as you type): ', secret: true }]);
  });

  it('treats Ctrl-C at the prompt as a cancel, not as a mistake in the command', async () => {
    const io = memoryIo({ tty: true, answers: [null] });
    const reading = readSecret(io, new SecretList(), { ...passphrase, source: 'prompt' });
    await expect(reading).rejects.toBeInstanceOf(Cancelled);
    await expect(reading).rejects.toThrow('Cancelled: the login was not tried.');
  });

  it('drops blanks pasted around a generated key and redacts both spellings', async () => {
    const secrets = new SecretList();
    const io = memoryIo({ stdin: '  key-planted-123 \n' });
    await expect(readSecret(io, secrets, { ...scriptKey, source: 'stdin' })).resolves.toBe('key-planted-123');
    expect(secrets.redact('[key-planted-123]')).not.toContain('key-planted-123');
  });

  it('refuses a generated key with a blank inside, without repeating it', async () => {
    const reading = readSecret(memoryIo({ stdin: 'key-planted 123\n' }), new SecretList(), { ...scriptKey, source: 'stdin' });
    await expect(reading).rejects.toBeInstanceOf(UsageError);
    await expect(reading).rejects.toThrow(/The script key has a space in it(?![\s\S]*key-planted)/);
  });

  it('refuses a secret longer than MAX_SECRET_INPUT_LENGTH, typed or piped, without repeating it, and still redacts it', async () => {
    const long = `typed-secret-${'x'.repeat(MAX_SECRET_INPUT_LENGTH)}`;
    for (const io of [memoryIo({ tty: true, answers: [long] }), memoryIo({ stdin: `${long}\n` })]) {
      const secrets = new SecretList();
      const reading = readSecret(io, secrets, { ...passphrase, source: io.stdinIsTty ? 'prompt' : 'stdin' });
      await expect(reading).rejects.toBeInstanceOf(UsageError);
      await expect(reading).rejects.toThrow(/longer than 4,096 characters(?![\s\S]*typed-secret)/);
      expect(secrets.redact(long)).toBe('[redacted]');
    }
    await expect(readSecret(memoryIo({ stdin: 'y'.repeat(MAX_SECRET_INPUT_LENGTH) }), new SecretList(), { ...passphrase, source: 'stdin' })).resolves.toHaveLength(MAX_SECRET_INPUT_LENGTH);
  });

  it('refuses a key of blanks only as empty', async () => {
    const reading = readSecret(memoryIo({ stdin: '   \n' }), new SecretList(), { ...scriptKey, source: 'stdin' });
    await expect(reading).rejects.toThrow('Standard input was empty: Gridpass needs the script key');
  });
});
