/**
 * 其他指标: the figures a township enters by hand for a year (行政许可, 行政处罚, 责任书, 公开面 and codes of
 * its own). Each save is a new version of that figure; earlier ones are kept in history.
 */
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import { getManualFigures, saveManualFigure } from '../../services/ledger';
import { ApiError, messageOf } from '../../services/errors';
import FieldRow from '../../components/FieldRow';
import { consoleParams } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import { CUSTOM, draftFor, draftOf, emptyDraft, problemsByField, valueText, type FigureDraft } from './figure-form';
import '../console.css';
import './figures.css';
import '../pc';

export default function ManualFigures() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [draft, setDraft] = useState<FigureDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { loaded, reload } = useLoad(() => getManualFigures(year, params.org), `${year}:${params.org ?? ''}`);
  const answer = loaded.state === 'ready' ? loaded.data : null;

  const edit = (next: FigureDraft) => {
    setDraft(next);
    setErrors({});
    setNotice(null);
  };
  const set = (field: keyof FigureDraft, value: string) => setDraft((d) => (d ? { ...d, [field]: value } : d));

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const custom = draft.catalogueId === '';
      await saveManualFigure({
        year,
        code: custom ? draft.code.trim() : draft.catalogueId,
        ...(custom ? { label: draft.label.trim(), unit: draft.unit.trim() } : {}),
        value: draft.value.trim(),
      });
      setNotice({ error: false, text: '已保存' });
      setDraft(null);
      reload();
    } catch (error) {
      if (error instanceof ApiError) setErrors(problemsByField(error.problems));
      setNotice({ error: true, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page console" id="console-figures">
      <YearTabs
        year={year}
        currentYear={currentYear}
        onChange={(y) => {
          setYear(y);
          setDraft(null);
        }}
      />
      {notice && (
        <View className={notice.error ? 'banner-error' : 'banner-info'} id="mf-notice">
          {notice.text}
        </View>
      )}
      <Status loaded={loaded} id="mf" />
      {answer && (
        <View className="card" id="mf-list">
          <View className="title">{`${answer.org.name}${year}年其他指标`}</View>
          <View className="muted">行政许可、行政处罚等台账记录不到的数字，每年填写一次；本乡镇自己的指标也可以加上。改动会保留历史版本。</View>
          {answer.entries.length === 0 && (
            <View className="muted" id="mf-empty">
              本年度还没有填写。
            </View>
          )}
          {answer.entries.map((entry) => (
            <View className="mf-row" key={entry.code} id={`mf-row-${entry.code.replace(/\./g, '-')}`} onClick={() => answer.canWrite && edit(draftOf(entry))}>
              <Text>{entry.label}</Text>
              <Text className="mf-value">{valueText(entry.value, entry.unit)}</Text>
              <Text className="muted">{`第 ${entry.version} 版${entry.updatedAt ? ` · ${entry.updatedAt.slice(0, 10)}` : ''}`}</Text>
            </View>
          ))}
          {answer.canWrite && !draft && (
            <View id="mf-add">
              <View className="field-label">填写或修改一项：</View>
              <View className="mf-choices">
                {answer.catalogue.map((c) => (
                  <View className="chip" key={c.id} id={`mf-pick-${c.id.replace(/\./g, '-')}`} onClick={() => edit(draftFor(answer, c.id))}>
                    {c.label}
                  </View>
                ))}
                <View className="chip" id="mf-pick-custom" onClick={() => edit(emptyDraft())}>
                  {CUSTOM}
                </View>
              </View>
            </View>
          )}
          {!answer.canWrite && <View className="muted">只有本乡镇的管理员可以填写。</View>}
        </View>
      )}
      {answer && draft && (
        <View className="card" id="mf-form">
          <View className="title">
            {draft.catalogueId ? (answer.catalogue.find((c) => c.id === draft.catalogueId)?.label ?? draft.catalogueId) : '本乡镇自己的指标'}
          </View>
          {draft.catalogueId === '' && (
            <View>
              <FieldRow id="mf-code" label="指标代码（字母、数字和点，如 x.birth_permits）" error={errors.code}>
                <Input className="form-input" id="mf-code" value={draft.code} maxlength={80} onInput={(e) => set('code', e.detail.value)} />
              </FieldRow>
              <FieldRow id="mf-label" label="指标名称（如 办理生育证）" error={errors.label}>
                <Input className="form-input" id="mf-label" value={draft.label} maxlength={50} onInput={(e) => set('label', e.detail.value)} />
              </FieldRow>
              <FieldRow id="mf-unit" label="单位（如 人次、件、%）" error={errors.unit}>
                <Input className="form-input" id="mf-unit" value={draft.unit} maxlength={10} onInput={(e) => set('unit', e.detail.value)} />
              </FieldRow>
            </View>
          )}
          <FieldRow id="mf-value" label="数值（百分比写成 98%）" error={errors.value ?? errors.year}>
            <Input className="form-input" id="mf-value" value={draft.value} maxlength={30} onInput={(e) => set('value', e.detail.value)} />
          </FieldRow>
          <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="mf-save" disabled={busy || undefined} onClick={save}>
            保存
          </Button>
          <Button className="btn btn-secondary" id="mf-cancel" disabled={busy || undefined} onClick={() => setDraft(null)}>
            取消
          </Button>
        </View>
      )}
    </View>
  );
}
