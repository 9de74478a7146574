import { describe, expect, it } from 'vitest';
import { describeProxy } from '../../../src/diagnosis/proxy-settings';

describe('describeProxy', () => {
  it.each([
    [null, { kind: 'direct' }],
    ['', { kind: 'direct' }],
    ['DIRECT', { kind: 'direct' }],
    ['http://proxy.corp:3128', { kind: 'proxy', display: 'http://proxy.corp:3128', host: 'proxy.corp', port: 3128 }],
    ['http://proxy.corp', { kind: 'proxy', display: 'http://proxy.corp', host: 'proxy.corp', port: 80 }],
    ['https://jo:s3cret@proxy.corp:8443/', { kind: 'proxy', display: 'https://proxy.corp:8443', host: 'proxy.corp', port: 8443 }],
    ['proxy.corp', { kind: 'proxy', display: 'proxy.corp:8080', host: 'proxy.corp', port: 8080 }],
    ['jo:p@ss@proxy.corp:3128', { kind: 'proxy', display: 'proxy.corp:3128', host: 'proxy.corp', port: 3128 }],
    ['PROXY proxy.corp:3128; DIRECT', { kind: 'proxy', display: 'PROXY proxy.corp:3128', host: 'proxy.corp', port: 3128 }],
    ['[::1]:3128', { kind: 'proxy', display: '[::1]:3128', host: '::1', port: 3128 }],
  ])('reads %s', (setting, route) => {
    expect(describeProxy(setting)).toEqual(route);
  });

  it.each([
    ['proxy.corp:80a', 'the proxy port "80a" is not a number from 1 to 65535'],
    ['proxy.corp:70000', 'the proxy port "70000" is not a number from 1 to 65535'],
    ['ftp://jo:s3cret@proxy.corp', 'unsupported proxy scheme ftp:'],
    ['http://jo:s3cret@[bad', 'the proxy address is not a valid URL'],
  ])('refuses %s: %s', (setting, problem) => {
    const route = describeProxy(setting);
    expect(route).toMatchObject({ kind: 'invalid', problem });
    expect(JSON.stringify(route)).not.toContain('s3cret');
  });
});
