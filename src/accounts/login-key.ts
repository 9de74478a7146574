/**
 * A login as the site tells people apart, for keying refusal counts and pauses: blanks around it
 * dropped, and case folded, because ShotGrid matches logins without regard to case (its `is` filter
 * on text, and the practice site, do the same). So "Jane@Studio.com " and "jane@studio.com" are one
 * account on the site and one lockout count in Gridpass, however the login was typed.
 */
export function loginKey(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}

export function sameLogin(a: string, b: string): boolean {
  return loginKey(a) === loginKey(b);
}
