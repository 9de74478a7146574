import type { LoginMethod } from '../../src/ipc/contract';

/** What the secret is called on this kind of site, in the words the site itself uses. */
export function secretLabel(method: LoginMethod | null): { name: string; hint: string } {
  switch (method) {
    case 'oxygen':
    case 'saml2':
      return { name: 'Legacy passphrase', hint: 'The passphrase you set under Legacy Login, not your Autodesk password.' };
    case 'ldap':
      return { name: 'Studio password', hint: 'The password you use for your studio login.' };
    default:
      return { name: 'ShotGrid password', hint: 'The password you use to sign in to this site.' };
  }
}

/**
 * The secret in a sentence ("keeps your passphrase"), the same word its field used, so one screen
 * never calls it a password and the next a passphrase. Unknown sites say passphrase, as most now are.
 */
export function secretWord(method: LoginMethod | null): 'passphrase' | 'password' {
  return method === 'default' || method === 'ldap' ? 'password' : 'passphrase';
}
