/** 年度结账: close a year (its figures frozen, its records locked) or reopen it, each after a confirmation. */
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import { closeYear, getCloseState, reopenYear } from '../../services/console';
import { messageOf } from '../../services/errors';
import { consoleParams } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import { closeLines, conditionLines, confirmText } from './close-model';
import '../console.css';
import '../pc';

export default function Close() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { loaded, reload } = useLoad(() => getCloseState(year, params.org), `${year}:${params.org ?? ''}`);

  const act = async (closing: boolean) => {
    if (loaded.state !== 'ready') return;
    const confirm = confirmText(loaded.data.org.name, year, closing);
    const { confirm: ok } = await Taro.showModal({ title: confirm.title, content: confirm.content, confirmText: confirm.button, cancelText: '取消' });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      await (closing ? closeYear(year, params.org, reason.trim() || undefined) : reopenYear(year, params.org));
      reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page console" id="console-close">
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      <Status loaded={loaded} id="close" />
      {error && (
        <View className="banner-error" id="close-error">
          {error}
        </View>
      )}
      {loaded.state === 'ready' && (
        <View className="card" id="close-state">
          {closeLines(loaded.data).map((line, i) => (
            <View className={i === 0 ? 'title' : 'muted'} key={line}>
              {line}
            </View>
          ))}
          {conditionLines(loaded.data).length > 0 && (
            <View id="close-conditions">
              {conditionLines(loaded.data).map((line) => (
                <View className="banner-error" key={line}>
                  {line}
                </View>
              ))}
              <Input
                className="reason-input"
                id="close-reason"
                placeholder="如确需结账，请填写原因（记入修改记录）"
                value={reason}
                onInput={(e) => setReason(e.detail.value)}
              />
            </View>
          )}
          {loaded.data.state.closeReason && <View className="muted">{`结账原因：${loaded.data.state.closeReason}`}</View>}
          {loaded.data.state.closed ? (
            <Button className="btn btn-secondary" id="reopen-year" disabled={busy || undefined} onClick={() => void act(false)}>
              反结账
            </Button>
          ) : (
            <Button className="btn btn-primary" id="close-year" disabled={busy || undefined} onClick={() => void act(true)}>
              {`结账（${year}年）`}
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
