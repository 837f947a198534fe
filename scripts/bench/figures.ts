// How the benchmark writes its figures, in the results files and on the console.

/** Rounded to three decimals, as the results files keep ratios and milliseconds. */
export const round3 = (x: number) => Number(x.toFixed(3));

/** A share as a percentage with one decimal: 0.126 is "12.6 %". */
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
