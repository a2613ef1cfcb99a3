/** 概览: the unit's key figures, this year against last, grouped like the catalogue; every figure opens its records. */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import { keyLines, overviewGroups, type OverviewLine } from '../../domain/console/overview';
import { byUnitLabel } from '../../domain/console/series';
import { getOverview } from '../../services/console';
import { consoleParams, pageUrl } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import '../console.css';
import '../pc';

/** Beside a figure: how many records behind it await review (审核), while the township reviews. */
const awaiting = (counts: Record<string, number | null> | undefined, id: string): string | null => (counts?.[id] ? `另有${counts[id]}条待审核` : null);

export default function ConsoleHome() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const { loaded, reload } = useLoad(() => getOverview(year, params.org), `${year}:${params.org ?? ''}`);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  const go = (page: Parameters<typeof pageUrl>[0], extra: Record<string, string | number | undefined> = {}) =>
    Taro.navigateTo({ url: pageUrl(page, { org: params.org, year, ...extra }) });
  const drill = (line: OverviewLine) => go('records', { period: String(year), figure: line.id, year: undefined });

  return (
    <View className="page console" id="console-home">
      {loaded.state === 'ready' && (
        <View className="console-head">
          <Text className="console-org" id="console-org">{`${loaded.data.org.name} · ${year}年`}</Text>
          {loaded.data.closed && (
            <Text className="console-badge" id="console-closed">
              已结账
            </Text>
          )}
        </View>
      )}
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      <View className="console-nav">
        <Button className="btn btn-secondary" id="go-charts" onClick={() => go('charts')}>
          {`${byUnitLabel(loaded.state === 'ready' ? loaded.data.org.level : undefined)}/分月图表`}
        </Button>
        <Button className="btn btn-secondary" id="go-quality" onClick={() => go('quality')}>
          数据质量
        </Button>
        <Button className="btn btn-secondary" id="go-supervision" onClick={() => go('supervision')}>
          报送与审核
        </Button>
        <Button className="btn btn-secondary" id="go-report" onClick={() => go('report')}>
          年度报告
        </Button>
        <Button className="btn btn-secondary" id="go-figures" onClick={() => go('figures')}>
          其他指标
        </Button>
        <Button className="btn btn-secondary" id="go-ledger" onClick={() => go('ledger')}>
          台账导入导出
        </Button>
        <Button className="btn btn-secondary" id="go-people" onClick={() => Taro.navigateTo({ url: '/console/people/index' })}>
          人员与单位
        </Button>
        {loaded.state === 'ready' && loaded.data.canWrite && (
          <Button className="btn btn-secondary" id="go-close" onClick={() => go('close')}>
            年度结账
          </Button>
        )}
      </View>
      <Status loaded={loaded} id="overview" />
      {loaded.state === 'ready' && (
        <View>
          <View className="muted" id="drill-hint">
            点任一数字，可查看其背后的记录。
          </View>
          <View className="card">
            <View className="title">主要数据</View>
            <View className="key-grid" id="key-figures">
              {keyLines(loaded.data.figures, loaded.data.lastYear).map((line) => (
                <View className="key-cell" id={`key-${line.id}`} key={line.id} onClick={() => drill(line)}>
                  <Text className="key-label">{line.label}</Text>
                  <Text className="key-value">{line.value}</Text>
                  <Text className="key-unit">{line.unit}</Text>
                  <View className={`change change-${line.change.direction}`}>{`比上年 ${line.change.text}`}</View>
                </View>
              ))}
            </View>
          </View>
          <View className="groups">
            {overviewGroups(loaded.data.figures, loaded.data.lastYear).map((group) => (
              <View className="card group" id={`group-${group.group}`} key={group.group}>
                <View className="title">{group.group}</View>
                {group.lines.map((line) => (
                  <View className="line" id={`figure-${line.id}`} key={line.id} onClick={() => drill(line)}>
                    <Text className="line-label">{line.label}</Text>
                    <View className="line-values">
                      <Text className="line-value">{line.value}</Text>
                      <Text className="muted">{line.unit === '%' ? '' : ` ${line.unit}`}</Text>
                      {awaiting(loaded.data.awaitingReview, line.id) && (
                        <Text className="console-badge" id={`awaiting-${line.id}`}>
                          {awaiting(loaded.data.awaitingReview, line.id)}
                        </Text>
                      )}
                      <View className="line-last">
                        <Text>{`上年 ${line.lastValue} · `}</Text>
                        <Text className={`change-${line.change.direction}`}>{line.change.text}</Text>
                      </View>
                    </View>
                  </View>
                ))}
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
