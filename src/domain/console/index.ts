/**
 * The township console's pure models: request/answer shapes, the overview's lines, chart series,
 * drill-down plans and data-quality rules. Shared by the console pages and cloudfunctions/console.
 */
export * from './api';
export * from './overview';
export * from './series';
export * from './drill';
export * from './quality';
export * from './lines';
