/**
 * 台账导入导出: the unit's ledger for a year as an Excel file (the same export as the command line), and
 * a ledger file imported — chosen, uploaded, tried first (every problem by sheet, row and column, nothing
 * written), then imported when the township confirms. All or nothing, as on the command line.
 */
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import type { LedgerFileAnswer, LedgerImportAnswer } from '../../domain/console/ledger-api';
import { chooseLedgerFile, exportLedger, getManualFigures, importLedger, uploadLedgerFile } from '../../services/ledger';
import { copyText, openReportFile } from '../../services/console';
import { messageOf } from '../../services/errors';
import { consoleParams } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import '../console.css';
import '../figures/figures.css';
import '../pc';

interface Tried {
  name: string;
  fileID: string;
  report: LedgerImportAnswer;
}

export default function Ledger() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [file, setFile] = useState<LedgerFileAnswer | null>(null);
  const [tried, setTried] = useState<Tried | null>(null);
  // Who the caller is here (unit, may write): the 其他指标 answer carries it and is light.
  const { loaded } = useLoad(() => getManualFigures(year, params.org), `${year}:${params.org ?? ''}`);
  const unit = loaded.state === 'ready' ? loaded.data : null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setNotice({ error: true, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const download = () =>
    run(async () => {
      const answer = await exportLedger(String(year), params.org);
      setFile(answer);
      await openReportFile(answer, 'xlsx');
    });

  const choose = () =>
    run(async () => {
      if (!unit) return;
      setTried(null);
      const chosen = await chooseLedgerFile();
      if (!chosen) return;
      const fileID = await uploadLedgerFile(chosen, unit.org.code);
      setTried({ name: chosen.name, fileID, report: await importLedger(fileID, true) });
    });

  const confirm = () =>
    run(async () => {
      if (!tried) return;
      const report = await importLedger(tried.fileID, false);
      setTried({ ...tried, report });
      if (report.written) setNotice({ error: false, text: `已导入“${tried.name}”` });
    });

  const report = tried?.report;
  return (
    <View className="page console" id="console-ledger">
      <YearTabs
        year={year}
        currentYear={currentYear}
        onChange={(y) => {
          setYear(y);
          setFile(null);
        }}
      />
      {notice && (
        <View className={notice.error ? 'banner-error' : 'banner-info'} id="ledger-notice">
          {notice.text}
        </View>
      )}
      <Status loaded={loaded} id="ledger-unit" />
      <View className="card" id="ledger-export">
        <View className="title">导出台账</View>
        <View className="muted">{`${unit?.org.name ?? ''}${year}年的全部台账，一张表一类记录，第一张是指标汇总；可直接打印。`}</View>
        <Button className={`btn btn-secondary ${busy ? 'btn-busy' : ''}`} id="ledger-download" disabled={busy || undefined} onClick={download}>
          下载台账（Excel）
        </Button>
        {file && (
          <View id="ledger-file">
            <View className="muted">{file.fileName}</View>
            <Text className="url-text" id="ledger-file-url">
              {file.url}
            </Text>
            <Text className="link" id="ledger-copy-url" onClick={() => void copyText(file.url)}>
              复制下载链接
            </Text>
          </View>
        )}
      </View>
      {unit?.canWrite && (
        <View className="card" id="ledger-import">
          <View className="title">导入台账</View>
          <View className="muted">
            选择按台账格式填写的 Excel
            文件（.xlsx）。先检查一遍，有错时一条也不导入，并指出第几张表、第几行、哪一列；没有错再确认导入。同一文件导入两次不会重复。
          </View>
          <Button className={`btn btn-secondary ${busy ? 'btn-busy' : ''}`} id="ledger-choose" disabled={busy || undefined} onClick={choose}>
            选择文件并检查
          </Button>
          {tried && report && (
            <View id="ledger-report">
              <View className="muted" id="ledger-report-head">
                {report.written ? `已导入：${tried.name}` : report.ok ? `检查通过：${tried.name}（尚未导入）` : `文件有错，没有导入任何数据：${tried.name}`}
              </View>
              {report.sheets.map((s) => (
                <View className="mf-row" key={s.sheet} id={`ledger-sheet-${s.sheet}`}>
                  <Text>{s.sheet}</Text>
                  <Text className="mf-value">{`新增 ${s.added}，更新 ${s.updated}，未变 ${s.unchanged}`}</Text>
                </View>
              ))}
              {report.problems.length > 0 && (
                <View id="ledger-problems">
                  <View className="field-label">{`需要改正（${report.problems.length} 处）`}</View>
                  {report.problems.slice(0, 200).map((p, i) => (
                    <View className="error-text" key={`${p.sheet}-${p.row}-${p.column}-${i}`}>
                      {p.message}
                    </View>
                  ))}
                </View>
              )}
              {report.warnings.length > 0 && (
                <View id="ledger-warnings">
                  <View className="field-label">提醒</View>
                  {report.warnings.slice(0, 100).map((p, i) => (
                    <View className="muted" key={`${p.sheet}-${p.row}-${p.column}-${i}`}>
                      {p.message}
                    </View>
                  ))}
                </View>
              )}
              {report.ok && !report.written && (
                <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="ledger-confirm" disabled={busy || undefined} onClick={confirm}>
                  确认导入
                </Button>
              )}
            </View>
          )}
        </View>
      )}
    </View>
  );
}
