import { describe, expect, it } from 'vitest';
import { redactingIo } from '../../../src/cli/redacting-io';
import { SecretList } from '../../../src/redaction/redact';
import { memoryIo } from '../../fixtures/cli-io';

describe('redactingIo', () => {
  it('redacts every write of the wrapped terminal, including secrets added later', () => {
    const secrets = new SecretList();
    const io = memoryIo();
    const redacting = redactingIo(io, secrets);
    secrets.add('later-secret');
    redacting.out('out later-secret');
    redacting.err('err later-secret');
    redacting.status('status later-secret');
    expect(io.stdout).toBe('out [redacted]\n');
    expect(io.stderr).toBe('err [redacted]\nstatus [redacted]');
  });
});
