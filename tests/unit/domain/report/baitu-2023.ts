/**
 * 白土乡's 2023 figures, as shared/fixtures/baitu-2023/expected.json gives them (its real report prints
 * them: seeds/002), with the success rate the figures API computes beside them. Shared by the report's
 * unit and integration tests.
 */
import type { ReportInput } from '@/domain/report';

export const BAITU_2023_FIGURES: Readonly<Record<string, number | null>> = {
  'org.villages': 7,
  'roster.legal_understanding': 20,
  'roster.village_mediators': 14,
  'roster.township_mediators': 1,
  'roster.adviser_coverage': 1,
  'roster.grid_coverage': 1,
  'outreach.market_day': 6,
  'outreach.courtyard': 10,
  'outreach.materials': 3046,
  'outreach.banners': 23,
  'outreach.consultations': 517,
  'outreach.attendees': 2410,
  'outreach.school': 1,
  'outreach.events': 21,
  'mediation.accepted': 221,
  'mediation.closed': 221,
  'mediation.succeeded': 214,
  'petition.receptions': 299,
  'petition.registered': 60,
  'petition.visits': 5,
  'petition.visits_closed': 5,
  'petition.closed': 60,
  'petition.on_time_rate': 1,
  'study.center_group': 12,
  'study.lecture': 4,
  'study.training': 4,
  'study.exam_participation_rate': 1,
  'study.exam_pass_rate': 1,
  'study.exam_participants': 2,
  'enforcement.permits': 228,
  'enforcement.penalties': 70,
  'manual.responsibility_letters': 10,
  'mediation.success_rate': 214 / 221,
};

export const baituInput = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  orgName: '白土乡',
  orgLevel: '乡镇',
  year: 2023,
  figures: BAITU_2023_FIGURES,
  ...overrides,
});
