/** Field rules the functions' request schemas share. Pure. */
import { z } from 'zod';
import { RECORD_KINDS } from '../records/kinds';

/** A unit's code (区划代码): 6 to 15 digits. */
export const orgCode = z.string().regex(/^\d{6,15}$/);
export const recordKind = z.enum(RECORD_KINDS);
export const recordId = z.string().min(1).max(128);
export const recordVersion = z.number().int().min(1);
export const year = z.number().int().min(1990).max(2100);
export const pageOffset = z.number().int().min(0).max(1_000_000);
export const pageLimit = z.number().int().min(1).max(100);
