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

/** The meta of a document someone creates now: its first version, recorded by them. */
export function firstVersionMeta(
  by: { openid: string; name: string },
  stamp: string,
): Pick<RecordMeta, 'recordedBy' | 'recorderName' | 'recordedAt' | 'updatedAt' | 'version'> {
  return { recordedBy: by.openid, recorderName: by.name, recordedAt: stamp, updatedAt: stamp, version: 1 };
}

/** The meta of a document's next version: who recorded it and when stay, the version counts up. */
export function nextVersionMeta(
  before: Pick<RecordMeta, 'recordedBy' | 'recorderName' | 'recordedAt' | 'version'>,
  stamp: string,
): Pick<RecordMeta, 'recordedBy' | 'recorderName' | 'recordedAt' | 'updatedAt' | 'version'> {
  return {
    recordedBy: before.recordedBy,
    recorderName: before.recorderName,
    recordedAt: before.recordedAt,
    updatedAt: stamp,
    version: Number(before.version ?? 0) + 1,
  };
}
