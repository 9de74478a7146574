/**
 * The known word a mistyped one was most likely meant to be ("doctr" → "doctor"), or null when none is
 * close enough to be worth suggesting. Close enough: at most a third of the word's letters changed,
 * inserted, removed or swapped with a neighbour, and never more than two.
 */
export function nearestWord(typed: string, known: readonly string[]): string | null {
  const allowed = Math.min(2, Math.max(1, Math.floor(typed.length / 3)));
  let best: { word: string; distance: number } | null = null;
  for (const word of known) {
    const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
    if (distance <= allowed && (best === null || distance < best.distance)) best = { word, distance };
  }
  return best?.word ?? null;
}

/** Optimal string alignment distance: Levenshtein plus a swap of two neighbouring letters as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = distance;
    }
  }
  return at(a.length, b.length);
}
