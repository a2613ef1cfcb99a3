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
