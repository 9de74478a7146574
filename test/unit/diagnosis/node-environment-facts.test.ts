import { platform } from 'node:os';
import { describe, expect, it } from 'vitest';
import { nodeEnvironmentFacts } from '../../../src/diagnosis/node-environment-facts';

const network = { stack: 'node' as const, proxy: null, noProxy: null, extraCaCerts: null };

describe('nodeEnvironmentFacts', () => {
  it('names this machine and the Node runtime', () => {
    const facts = nodeEnvironmentFacts('1.2.3', network);
    expect(facts).toMatchObject({ appVersion: '1.2.3', os: { platform: platform() }, runtime: { node: process.versions.node, electron: null, chromium: null }, network });
    expect(facts.os.release).not.toBe('');
  });

  it('names Electron and Chromium inside Electron', () => {
    const versions = { ...process.versions, electron: '45.5.0', chrome: '142.0.7444.0' };
    expect(nodeEnvironmentFacts('1.2.3', { ...network, stack: 'chromium' }, versions).runtime).toEqual({ node: process.versions.node, electron: '45.5.0', chromium: '142.0.7444.0' });
  });
});
