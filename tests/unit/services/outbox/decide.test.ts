import { decide, describeError, endsRound, UNKNOWN_FAILURE } from '../../../../src/services/outbox/decide';
import { ApiError } from '../../../../src/services/errors';
import type { ErrorCode } from '../../../../src/domain/errors';

const of = (code: ErrorCode) => describeError(new ApiError(code, `msg ${code}`));

describe('decide: retry or keep', () => {
  it.each<ErrorCode>(['NETWORK', 'SERVER', 'INTERNAL', 'NOT_INITIALISED', 'UPLOAD_FAILED'])('should retry %s, which a later try may cure', (code) => {
    expect(decide(of(code))).toBe('retry');
  });

  it.each<ErrorCode>([
    'INVALID_RECORD',
    'INVALID_REQUEST',
    'FORBIDDEN',
    'OUT_OF_SCOPE',
    'NOT_BOUND',
    'ORG_NOT_FOUND',
    'CONFLICT',
    'DUPLICATE_ID',
    'INVALID_TRANSITION',
    'RECORD_DELETED',
    'PERIOD_CLOSED',
    'NOT_FOUND',
    'PHOTO_MISSING',
  ])('should keep %s for the person, since resending the same record gets the same answer', (code) => {
    expect(decide(of(code))).toBe('keep');
  });

  it('should keep an unknown code rather than loop on it', () => {
    // A code newer than this app arrives as it is, outside the type.
    expect(decide(describeError({ name: 'ApiError', code: 'SOMETHING_NEW', message: '新的错误' }))).toBe('keep');
  });

  it('should treat anything that is not an ApiError as a passing fault', () => {
    const error = describeError(new TypeError('boom'));
    expect(error).toEqual({ code: 'SERVER', message: UNKNOWN_FAILURE, problems: [] });
    expect(decide(error)).toBe('retry');
    expect(decide(describeError(undefined))).toBe('retry');
  });

  it('should carry the server message and field problems', () => {
    const error = describeError(new ApiError('INVALID_RECORD', '记录填写有误', [{ field: 'date', message: '请填写' }]));
    expect(error).toEqual({ code: 'INVALID_RECORD', message: '记录填写有误', problems: [{ field: 'date', message: '请填写' }] });
  });

  it('should end a sending round only on a network failure', () => {
    expect(endsRound(of('NETWORK'))).toBe(true);
    expect(endsRound(of('SERVER'))).toBe(false);
  });
});
