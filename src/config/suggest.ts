/** Levenshtein distance, case-insensitive: "scanonpush" is one step from nothing, zero from "scanOnPush". */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length];
}

/**
 * The candidate closest to what was written, when it is close enough to be a typo
 * (at most a third of the word's letters differ); undefined otherwise.
 */
export function closestMatch(written: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(written, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(written.length, 3) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean "x"?` or an empty string. */
export function didYouMean(written: string, candidates: readonly string[]): string {
  const match = closestMatch(written, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
