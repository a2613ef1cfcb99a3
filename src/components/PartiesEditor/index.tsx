/**
 * The parties of a case: name, phone, ID number per person; add and remove rows. Inputs are
 * `<id>-<i>-name|phone|idNumber`, buttons `<id>-add` and `<id>-<i>-remove`.
 */
import { Input, Text, View } from '@tarojs/components';
import FieldRow from '../FieldRow';
import type { PartyDraft } from '../../domain/forms/draft';
import './index.css';

export interface PartiesEditorProps {
  id: string;
  label: string;
  value: PartyDraft[];
  onChange: (value: PartyDraft[]) => void;
  error?: string;
}

const EMPTY: PartyDraft = { name: '', phone: '', idNumber: '' };

export default function PartiesEditor({ id, label, value, onChange, error }: PartiesEditorProps) {
  const set = (i: number, patch: Partial<PartyDraft>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <FieldRow id={id} label={label} error={error}>
      {value.map((party, i) => (
        <View className="party" key={i} id={`${id}-${i}`}>
          <View className="party-head">
            <Text className="muted">第{i + 1}位</Text>
            {value.length > 1 && (
              <Text className="party-remove" id={`${id}-${i}-remove`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                删除
              </Text>
            )}
          </View>
          <Input
            className="form-input"
            id={`${id}-${i}-name`}
            value={party.name}
            maxlength={30}
            placeholder="姓名"
            onInput={(e) => set(i, { name: e.detail.value })}
          />
          <Input
            className="form-input"
            id={`${id}-${i}-phone`}
            type="number"
            value={party.phone}
            maxlength={13}
            placeholder="电话（可不填）"
            onInput={(e) => set(i, { phone: e.detail.value })}
          />
          <Input
            className="form-input"
            id={`${id}-${i}-idNumber`}
            type="idcard"
            value={party.idNumber}
            maxlength={18}
            placeholder="身份证号（可不填）"
            onInput={(e) => set(i, { idNumber: e.detail.value })}
          />
        </View>
      ))}
      {value.length < 20 && (
        <View className="link-btn" id={`${id}-add`} onClick={() => onChange([...value, { ...EMPTY }])}>
          ＋ 添加一位
        </View>
      )}
    </FieldRow>
  );
}
