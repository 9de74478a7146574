/**
 * Checks what someone pasted as a Personal Access Token before main holds it. The PAT format is not
 * documented, so this refuses only what is certainly wrong (a web address, text with spaces inside,
 * something far too short or long) and says why in plain words.
 */
type PatInput = { ok: true; pat: string } | { ok: false; message: string };

const minLength = 16;
const maxLength = 512;

export function parsePatInput(raw: string): PatInput {
  const pat = raw.trim();
  if (pat === '') return { ok: false, message: 'Paste the token first: nothing was pasted.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pat) || /^www\./i.test(pat)) {
    return { ok: false, message: 'That is a web address, not a token. Copy the code the Autodesk profile page showed after "Generate".' };
  }
  if (/\s/.test(pat)) {
    return { ok: false, message: 'The token has spaces or line breaks inside it. Copy only the code itself, in one piece.' };
  }
  if (pat.length < minLength) return { ok: false, message: `That is too short for a token (under ${minLength} characters). Copy the whole code.` };
  if (pat.length > maxLength) return { ok: false, message: `That is too long for a token (over ${maxLength} characters). Copy only the code.` };
  if (!/^[\x21-\x7e]+$/.test(pat)) return { ok: false, message: 'The token contains characters a token never has. Copy the code again from the Autodesk profile page.' };
  return { ok: true, pat };
}
