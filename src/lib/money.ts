// Money arithmetic helpers.

/** Rounds to cents, so float sums of prices print and compare as money. */
export const cents = (x: number): number => Math.round(x * 100) / 100;
