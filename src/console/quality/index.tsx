/** 数据质量: the warnings of the unit's year, each opening the records (or the village) it is about. */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import { LEVEL_LABELS } from '../../domain/console/quality';
import { getQuality } from '../../services/console';
import { consoleParams, targetUrl } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import '../console.css';
import '../pc';

export default function Quality() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const { loaded, reload } = useLoad(() => getQuality(year, params.org), `${year}:${params.org ?? ''}`);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  return (
    <View className="page console" id="console-quality">
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      <Status loaded={loaded} id="quality" />
      {loaded.state === 'ready' && (
        <View>
          <View className="muted" id="quality-summary">
            {`${loaded.data.org.name} · 截至${loaded.data.asOf} · 共 ${loaded.data.warnings.length} 条提示`}
          </View>
          {loaded.data.warnings.length === 0 && (
            <View className="empty" id="quality-empty">
              没有发现数据问题
            </View>
          )}
          {loaded.data.warnings.map((w) => (
            <View className={`card warning warning-${w.level}`} id={`warning-${w.id}`} key={w.id} onClick={() => Taro.navigateTo({ url: targetUrl(w.target) })}>
              <View className="item-head">
                <Text className={`warning-level change-${w.level === 'info' ? 'none' : 'down'}`}>{LEVEL_LABELS[w.level]}</Text>
                <Text className="muted">{w.orgName}</Text>
              </View>
              <View className="warning-message">{w.message}</View>
              <Text className="link">{w.target.page === 'overview' ? '查看该村数据 ›' : '查看相关记录 ›'}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
