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

/** How many leading letters two words share, case-insensitive. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n].toLowerCase() === b[n].toLowerCase()) n++;
  return n;
}

/**
 * Between two candidates as close as each other, the one that keeps more of the
 * written word's start (a typo seldom changes the first letters), then the longer:
 * IMUTABLE is one step from MUTABLE and from IMMUTABLE, and means IMMUTABLE.
 */
function betterTie(written: string, candidate: string, best: string): boolean {
  const start = sharedStart(written, candidate) - sharedStart(written, best);
  return start > 0 || (start === 0 && candidate.length > best.length);
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
    if (d < bestDistance || (d === bestDistance && best !== undefined && betterTie(written, candidate, best))) {
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
