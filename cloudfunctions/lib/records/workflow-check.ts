/** State changes of case records must follow the workflow (src/domain/records/workflow.ts). */
import type { RecordKind } from '../../../src/domain/records/kinds';
import { isAllowedDisputeChange, isAllowedPetitionChange } from '../../../src/domain/records/workflow';
import type { DisputeState, PetitionState } from '../../../src/domain/vocab';
import { AppError } from '../errors';

export function checkStateChange(kind: RecordKind, before: Record<string, unknown>, after: Record<string, unknown>): void {
  const from = before.state;
  const to = after.state;
  if (from === to) return;
  const allowed =
    kind === 'dispute'
      ? isAllowedDisputeChange(from as DisputeState, to as DisputeState)
      : kind === 'petition'
        ? isAllowedPetitionChange(from as PetitionState, to as PetitionState)
        : true;
  if (!allowed) throw new AppError('INVALID_TRANSITION', `案件状态不能从“${String(from)}”改为“${String(to)}”`);
}
