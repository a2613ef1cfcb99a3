/** 学法培训: the shared record form with this kind's spec (src/domain/forms/spec.ts). */
import RecordForm from '../form/RecordForm';

export default function StudyForm() {
  return <RecordForm kind="study" />;
}
