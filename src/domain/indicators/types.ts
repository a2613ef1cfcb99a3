/**
 * How a figure is defined, as data: the catalogue (catalogue.ts) states every figure of INDICATORS.md
 * in these terms, and pipeline.ts / assemble.ts interpret them. Keeping the definitions declarative is
 * what lets one database pipeline per collection compute all of that collection's figures.
 */
import type { Collection } from '../records/common';

export const FIGURE_GROUPS = ['普法宣传', '干部学法', '队伍与阵地', '矛盾纠纷化解', '信访', '其他指标'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** A test on one record; a measure's `where` ANDs them. */
export type Condition =
  | { field: string; eq: string }
  | { field: string; in: readonly string[] }
  /** Any value but this one, a missing field included (状态 ≠ 计划). */
  | { field: string; ne: string }
  /** Field-to-field: e.g. 办结日期 ≤ 办理期限. */
  | { field: string; lteField: string };

interface BaseCommon {
  source: Exclude<Collection, 'manual_figures'>;
  where?: readonly Condition[];
  /** The record counts when this date field falls in the period. */
  dateField?: string;
  /** Roster snapshot: the record counts when its service covers the period's last day. */
  activeAtEnd?: true;
}

/** A measure one $group accumulator computes. */
export type BaseMeasure =
  | (BaseCommon & { kind: 'count' })
  | (BaseCommon & { kind: 'sum'; field: string })
  /** Number of distinct values of `field`, counting only values in `among` when given. */
  | (BaseCommon & { kind: 'distinct'; field: string; among?: readonly string[] });

export type Measure =
  | BaseMeasure
  /** A rate in [0, 1]; null when the denominator is 0. */
  | { kind: 'ratio'; numerator: BaseMeasure; denominator: BaseMeasure }
  /** The sum of measures, possibly over several collections. */
  | { kind: 'total'; of: readonly BaseMeasure[] }
  /** A yearly figure entered by hand (manual_figures), summed up the hierarchy except rates. */
  | { kind: 'manual'; code: string };

export interface FigureDef {
  /** Public id of INDICATORS.md. */
  id: string;
  /** What the report prints. */
  label: string;
  unit: string;
  group: FigureGroup;
  /** The collection the figure mainly reads (a total or ratio may read others too). */
  source: Collection;
  measure: Measure;
}

export type Figures = Record<string, number | null>;
