/** 年度报告: the township's own texts for the year, the draft's preview (with the 余 switch) and its .docx. */
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button, Switch, Text, Textarea, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import type { ReportDocxAnswer } from '../../domain/console/api';
import type { ReportSettings, ReportTexts } from '../../domain/report/types';
import { getReportPreview, getReportTexts, makeReportDocx, openReportFile, saveReportTexts, copyText } from '../../services/console';
import { messageOf } from '../../services/errors';
import { consoleParams } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import LetterFields from './LetterFields';
import { TEXT_FIELDS, cleanTexts, isDirty, previewBlocks, withLetter, yuChoiceRows, type Letter } from './report-model';
import '../console.css';
import '../pc';

export default function Report() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [yu, setYu] = useState(false);
  const [draft, setDraft] = useState<ReportTexts>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [file, setFile] = useState<ReportDocxAnswer | null>(null);

  const texts = useLoad(() => getReportTexts(year, params.org), `${year}:${params.org ?? ''}`);
  const preview = useLoad(() => getReportPreview(year, yu, params.org), `${year}:${yu}:${params.org ?? ''}`);
  const saved = texts.loaded.state === 'ready' ? texts.loaded.data : null;

  useEffect(() => {
    if (saved) setDraft(saved.texts);
    setFile(null);
  }, [saved]);

  const save = async () => {
    if (!saved) return;
    setBusy(true);
    setNotice(null);
    try {
      const answer = await saveReportTexts(year, cleanTexts(draft), saved.version, params.org);
      setNotice({ error: false, text: `已保存（第 ${answer.version} 版）` });
      texts.reload();
      preview.reload();
    } catch (error) {
      setNotice({ error: true, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const answer = await makeReportDocx(year, yu, params.org);
      setFile(answer);
      await openReportFile(answer);
    } catch (error) {
      setNotice({ error: true, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  /** Settings saved at once, whole, with the texts as stored (not the unsaved draft). */
  const saveSettings = async (settings: ReportSettings) => {
    if (!saved) return;
    setBusy(true);
    setNotice(null);
    try {
      await saveReportTexts(year, saved.texts, saved.version, params.org, settings);
      texts.reload();
      preview.reload();
    } catch (error) {
      setNotice({ error: true, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  /** The township's choice for one figure. */
  const chooseYu = (id: string, value: boolean) => saved && saveSettings({ ...saved.settings, yuChoices: { ...saved.settings.yuChoices, [id]: value } });
  const saveLetter = (letter: Letter) => saved && saveSettings(withLetter(saved.settings, letter));

  const editable = saved?.canWrite === true;
  const dirty = saved !== null && isDirty(draft, saved.texts);

  return (
    <View className="page console" id="console-report">
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      {notice && (
        <View className={notice.error ? 'banner-error' : 'banner-info'} id="report-notice">
          {notice.text}
        </View>
      )}
      <View className="page-two">
        <View className="card" id="report-texts">
          <View className="title">乡镇填写的内容</View>
          <Status loaded={texts.loaded} id="report-texts" />
          {saved && (
            <View>
              <View className="muted" id="report-version">
                {saved.version === 0 ? '尚未保存过' : `第 ${saved.version} 版 · ${saved.updatedBy ?? ''} ${saved.updatedAt?.slice(0, 10) ?? ''}`}
              </View>
              {TEXT_FIELDS.map((field) => (
                <View key={field.key}>
                  <Text className="field-label">{field.label}</Text>
                  {field.hint && <View className="muted">{field.hint}</View>}
                  <Textarea
                    className="text-area"
                    id={`text-${field.key}`}
                    value={draft[field.key] ?? ''}
                    maxlength={20000}
                    autoHeight
                    disabled={!editable}
                    onInput={(e) => setDraft((d) => ({ ...d, [field.key]: e.detail.value }))}
                  />
                </View>
              ))}
              {editable ? (
                <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="report-save" disabled={busy || !dirty || undefined} onClick={save}>
                  {dirty || saved.version === 0 ? '保存' : '已保存'}
                </Button>
              ) : (
                <View className="muted">只有本乡镇的管理员可以修改这些内容。</View>
              )}
            </View>
          )}
        </View>
        <View className="card" id="report-side">
          <View className="switch-row">
            <Text>大数用“余”表示（如 3000余份）</Text>
            <Switch id="report-yu" checked={yu} onChange={(e) => setYu(e.detail.value)} />
          </View>
          {yu && preview.loaded.state === 'ready' && (
            <View id="report-yu-choices">
              <View className="muted">每个数字可单独选择：打开用“余”，关闭写准确数。已按本乡镇本年度记住。</View>
              {yuChoiceRows(preview.loaded.data.model).map((row) => (
                <View className="switch-row" key={row.id} id={`yu-${row.id.replace(/\./g, '-')}`}>
                  <Text>
                    {row.label}（{row.unit}）
                  </Text>
                  <Switch checked={row.yu} disabled={!editable || busy || undefined} onChange={(e) => void chooseYu(row.id, e.detail.value)} />
                </View>
              ))}
            </View>
          )}
          {saved && <LetterFields settings={saved.settings} unitName={saved.org.name} editable={editable} busy={busy} onSave={saveLetter} />}
          <Button className={`btn btn-secondary ${busy ? 'btn-busy' : ''}`} id="report-docx" disabled={busy || undefined} onClick={download}>
            下载报告（Word）
          </Button>
          {file && (
            <View id="report-file">
              <View className="muted">{file.fileName}</View>
              <Text className="url-text" id="report-file-url">
                {file.url}
              </Text>
              <Text className="link" id="report-copy-url" onClick={() => void copyText(file.url)}>
                复制下载链接
              </Text>
            </View>
          )}
          <Status loaded={preview.loaded} id="report-preview" />
          {preview.loaded.state === 'ready' && (
            <View className="preview" id="report-preview">
              {preview.loaded.data.closed && <View className="console-badge">该年度已结账，数据已冻结</View>}
              {previewBlocks(preview.loaded.data.model).map((block, i) => (
                <View className={`preview-${block.kind}`} key={`${i}-${block.kind}`}>
                  {block.text}
                </View>
              ))}
            </View>
          )}
        </View>
      </View>
    </View>
  );
}
