/**
 * The figures of the annual report: catalogue, database pipelines, assembly and printing.
 * Pure: the server runs the pipelines; everything here only builds and reads plain data.
 */
export * from './types';
export * from './manual';
export { FIGURES, FIGURE_BY_ID, isComputedFigureId } from './catalogue';
export {
  pipelinesFor,
  manualPipeline,
  partsOf,
  selectFigures,
  type CollectionPipeline,
  type FigureScope,
  type Part,
  type PipelineOptions,
  type Stage,
} from './pipeline';
export { assemble, distinctValues, extraManualFigures, type AggregateRow, type AggregateRows } from './assemble';
export { formatFigure, yuApplies, yuByDefault, yuFloor, yuForm, NO_VALUE, type FormatOptions } from './format';
