/** Add or edit one roster person; the record goes to `records` create/update (with baseVersion). */
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { ROSTER_ROLES } from '../../domain/vocab';
import { errorsOf, personErrors, recordOf, saveFailureMessage, type FieldErrors, type PersonForm, type PersonRow } from '../../domain/staff/person-form';
import { savePerson } from '../../services/staff';
import { isApiError, messageOf } from '../../services/errors';
import ChoiceField from '../../components/ChoiceField';
import TextField from '../../components/TextField';
import OptionalDate from './OptionalDate';
import UnitChips from './UnitChips';

export interface PersonEditorProps {
  initial: PersonForm;
  /** The version being edited; undefined for a new person. */
  baseVersion?: number;
  units: readonly { code: string; name: string }[];
  onSaved: (row: PersonRow) => void;
  onCancel: () => void;
}

export default function PersonEditor({ initial, baseVersion, units, onSaved, onCancel }: PersonEditorProps) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof PersonForm>(key: K) =>
    (value: PersonForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    const found = personErrors(form);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onSaved(await savePerson(recordOf(form), baseVersion));
    } catch (error) {
      if (isApiError(error)) setErrors(errorsOf(error.problems));
      setFailure(saveFailureMessage(isApiError(error) ? error.code : undefined, messageOf(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="person-form">
      <View className="title">{baseVersion === undefined ? '新增人员' : `修改：${initial.name}`}</View>
      <TextField id="person-name" label="姓名" value={form.name} maxlength={20} onChange={set('name')} error={errors.name} />
      <ChoiceField
        id="person-role"
        label="身份"
        options={ROSTER_ROLES}
        value={form.role}
        onChange={(v) => set('role')(v as PersonForm['role'])}
        error={errors.role}
      />
      <UnitChips id="person-org" label="单位" units={units} value={form.orgCode} onChange={set('orgCode')} error={errors.orgCode} />
      <TextField id="person-phone" label="联系电话（可不填）" type="number" value={form.phone} maxlength={20} onChange={set('phone')} error={errors.phone} />
      <OptionalDate id="person-start" label="开始日期" empty="不填：一直在任" value={form.startDate} onChange={set('startDate')} error={errors.startDate} />
      <OptionalDate id="person-end" label="结束日期" empty="不填：仍在任" value={form.endDate} onChange={set('endDate')} error={errors.endDate} />
      {failure && (
        <View className="banner-error" id="person-form-error">
          {failure}
        </View>
      )}
      <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="person-save" disabled={busy || undefined} onClick={save}>
        {busy ? '正在保存…' : '保存'}
      </Button>
      <Button className="btn btn-secondary" id="person-cancel" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
