import fc from 'fast-check';

/*
 * How many cases each fast-check property tries. `npm run mutate` sets
 * FC_NUM_RUNS low (every mutant reruns the properties that cover it, and the
 * whole run must fit in an hour on two cores); `npm test` keeps the full count.
 */
const override = Number(process.env.FC_NUM_RUNS) || undefined;

/** The runs for a property that asks for `n`: `n`, or FC_NUM_RUNS when set. */
export function runs(n: number): number {
  return override ?? n;
}

// Properties that name no count take fast-check's default (100), or FC_NUM_RUNS.
if (override) fc.configureGlobal({ numRuns: override });
