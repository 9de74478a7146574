import { foldCase, type DecodedView } from './decoded-view';

/**
 * A run of this many consecutive characters of a secret is treated as the secret: a page that cuts an
 * echo off ("Tr0ub4dor&3 \"quo…") still must not show how a passphrase starts.
 */
export const FRAGMENT_LENGTH = 8;

/**
 * Below this length a secret is matched only where it stands alone: blanking every "abc" inside other
 * words would ruin a report without protecting anything more.
 */
const MIN_EMBEDDED_LENGTH = 4;

/**
 * The secrets of a run, prepared for matching without regular expressions (a secret may be any length
 * and contain any character), all case-folded: with `fragments`, every window of FRAGMENT_LENGTH
 * characters of a long secret; otherwise long secrets whole; short secrets always whole.
 */
export interface SecretIndex {
  readonly windows: ReadonlySet<string>;
  readonly whole: readonly string[];
  readonly standalone: readonly string[];
  readonly empty: boolean;
}

export function indexSecrets(secrets: Iterable<string>, fragments: boolean): SecretIndex {
  const windows = new Set<string>();
  const whole = new Set<string>();
  const standalone = new Set<string>();
  for (const secret of secrets) {
    const folded = foldCase(secret);
    if (folded.trim() === '') continue;
    if (fragments && folded.length >= FRAGMENT_LENGTH) {
      for (let at = 0; at + FRAGMENT_LENGTH <= folded.length; at++) windows.add(folded.slice(at, at + FRAGMENT_LENGTH));
    } else if (folded.length >= MIN_EMBEDDED_LENGTH) {
      whole.add(folded);
    } else {
      standalone.add(folded);
    }
  }
  return { windows, whole: [...whole], standalone: [...standalone], empty: windows.size + whole.size + standalone.size === 0 };
}

/** Sets `marks` over the original text wherever `view` shows a secret or a fragment of one. */
export function markSecrets(view: DecodedView, index: SecretIndex, marks: Uint8Array): void {
  const { text } = view;
  const mark = (from: number, length: number) => marks.fill(1, view.start[from] ?? 0, view.end[from + length - 1] ?? 0);
  if (index.windows.size > 0) {
    for (let at = 0; at + FRAGMENT_LENGTH <= text.length; at++) {
      if (index.windows.has(text.slice(at, at + FRAGMENT_LENGTH))) mark(at, FRAGMENT_LENGTH);
    }
  }
  for (const secret of index.whole) {
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) mark(at, secret.length);
  }
  for (const secret of index.standalone) {
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      if (!isWordCharacter(text.charAt(at - 1)) && !isWordCharacter(text.charAt(at + secret.length))) mark(at, secret.length);
    }
  }
}

function isWordCharacter(character: string): boolean {
  // The Unicode classes are built from ICU's tables on first use: only a character beyond ASCII needs them.
  if (character < '\u0080') return /^[A-Za-z0-9]$/.test(character);
  return /^[\p{L}\p{N}]$/u.test(character);
}
