/**
 * The 公文's 主送机关 and 落款 on the 年度报告 page: optional, kept per township and year with the texts
 * (ReportSettings). 署名 left empty signs with the unit's name; 成文日期 prints as 2026年12月1日.
 */
import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ReportSettings } from '../../domain/report/types';
import OptionalDate from '../people/OptionalDate';
import type { Letter } from './report-model';

const letterOf = (s: ReportSettings): Letter => ({ addressee: s.addressee ?? '', signer: s.signer ?? '', signDate: s.signDate ?? '' });
const same = (a: Letter, b: Letter) => JSON.stringify(letterOf(a)) === JSON.stringify(letterOf(b));

export default function LetterFields(props: {
  settings: ReportSettings;
  unitName: string;
  editable: boolean;
  busy: boolean;
  onSave: (letter: Letter) => unknown;
}) {
  const { settings, unitName, editable, busy, onSave } = props;
  const [draft, setDraft] = useState<Letter>(letterOf(settings));
  useEffect(() => setDraft(letterOf(settings)), [settings]);
  const dirty = !same(draft, settings);
  return (
    <View id="report-letter">
      <View className="title">主送机关和落款（可选）</View>
      <Text className="field-label">主送机关</Text>
      <Input
        className="form-input"
        id="letter-addressee"
        value={draft.addressee}
        placeholder="如：中共三门峡市陕州区委（不填则不写）"
        maxlength={100}
        disabled={!editable}
        onInput={(e) => setDraft((d) => ({ ...d, addressee: e.detail.value }))}
      />
      <Text className="field-label">署名</Text>
      <Input
        className="form-input"
        id="letter-signer"
        value={draft.signer}
        placeholder={`不填则署“${unitName}”`}
        maxlength={100}
        disabled={!editable}
        onInput={(e) => setDraft((d) => ({ ...d, signer: e.detail.value }))}
      />
      <OptionalDate
        id="letter-date"
        label="成文日期"
        value={draft.signDate ?? ''}
        empty="不写落款日期"
        onChange={(v) => setDraft((d) => ({ ...d, signDate: v }))}
      />
      {editable && (
        <Button
          className={`btn btn-secondary ${busy ? 'btn-busy' : ''}`}
          id="letter-save"
          disabled={busy || !dirty || undefined}
          onClick={() => void onSave(draft)}
        >
          {dirty ? '保存主送机关和落款' : '已保存'}
        </Button>
      )}
    </View>
  );
}
