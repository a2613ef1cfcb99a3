/**
 * What every stored record carries besides its own fields (DESIGN.md "Records"): unit and its path,
 * who recorded it and when, a version counter and a soft-delete mark.
 */
export interface RecordMeta {
  _id: string;
  orgCode: string;
  orgPath: string[];
  recordedBy: string;
  recorderName: string;
  recordedAt: string;
  updatedAt: string;
  version: number;
  deleted: boolean;
}

/** True when every listed field of the stored document equals the submitted value. */
export function sameFields<T extends object>(stored: T, submitted: T, fields: readonly (keyof T)[]): boolean {
  return fields.every((field) => JSON.stringify(stored[field] ?? null) === JSON.stringify(submitted[field] ?? null));
}
