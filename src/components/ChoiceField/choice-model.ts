/** Choice layout rules. Pure. */

/** Short lists as chips: 7 fit on two rows of a 375 px screen, and a tap beats a picker. */
export const CHIP_LIMIT = 8;

export const chipMode = (options: readonly string[]): boolean => options.length <= CHIP_LIMIT;

export const optionId = (id: string, index: number): string => `${id}-opt-${index}`;
