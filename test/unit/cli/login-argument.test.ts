import { describe, expect, it } from 'vitest';
import { usageMessage } from '../../fixtures/cli-io';
import { loginArgument, scriptNameArgument } from '../../../src/cli/login-argument';
import { plantedSecret } from '../../fixtures/plant-secret';

describe('loginArgument', () => {
  it('drops blanks around a pasted login, as the app does', () => {
    expect(loginArgument('  jane@studio.example\u00a0', '--login')).toBe('jane@studio.example');
  });

  it('refuses a login with a space inside without repeating it, since it may hold the passphrase', () => {
    const passphrase = plantedSecret('passphrase');
    const message = usageMessage(() => loginArgument(`jane@studio.example ${passphrase}`, '--login'));
    expect(message).toContain('--login has a space in it');
    expect(message).toContain('never the passphrase');
    expect(message).not.toContain(passphrase);
  });

  it('refuses a web address where the login belongs and says where the address goes', () => {
    expect(usageMessage(() => loginArgument('https://mystudio.shotgrid.autodesk.com', '--sudo-as'))).toBe(
      "--sudo-as looks like a web address. Give a ShotGrid login there; the site's address goes in --site.",
    );
  });

  it.each([
    ['', '--login needs a login'],
    ['   ', '--login needs a login'],
    ['x'.repeat(257), 'too long for a ShotGrid login (over 256 characters)'],
    ['jane\u0007@studio.example', 'control character'],
  ])('refuses %j', (input, message) => {
    expect(usageMessage(() => loginArgument(input, '--login'))).toContain(message);
  });

  it('accepts a login of the longest length the app accepts', () => {
    expect(loginArgument('x'.repeat(256), '--login')).toHaveLength(256);
  });
});

describe('scriptNameArgument', () => {
  it('keeps spaces inside a script name, which the site allows, and trims around it', () => {
    expect(scriptNameArgument(' Publish Tool ', '--script')).toBe('Publish Tool');
  });

  it.each([
    ['', 'needs the script name'],
    ['https://mystudio.shotgrid.autodesk.com/page/1', 'looks like a web address'],
    ['y'.repeat(300), 'too long for a script name'],
  ])('refuses %j', (input, message) => {
    expect(usageMessage(() => scriptNameArgument(input, '--script'))).toContain(message);
  });
});
