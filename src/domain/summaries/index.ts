/**
 * Per unit × month summaries of the figures (issue 14): what each record adds, how summaries add up,
 * and how summed summaries become the rows the catalogue's assembly reads. Pure.
 */
export * from './counters';
export * from './contribution';
export * from './rows';
export * from './period-split';
