/** 分村/分月/五年走势: one figure at a time, by unit, by month or month by month over five years, as bars; a bar opens its records. */
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import { FIGURE_BY_ID } from '../../domain/indicators/catalogue';
import { CHART_FIGURES, TREND_YEARS, byUnitLabel, monthSeries, trendSeries, villageSeries } from '../../domain/console/series';
import { getByMonth, getByVillage, getTrend } from '../../services/console';
import { consoleParams, pageUrl } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import Bars from '../components/Bars';
import '../console.css';
import '../pc';

type ChartView = 'village' | 'month' | 'trend';
const ids = [...CHART_FIGURES];
const TREND_LABEL = '五年走势';

type Loaded =
  | { view: 'village'; answer: Awaited<ReturnType<typeof getByVillage>> }
  | { view: 'month'; answer: Awaited<ReturnType<typeof getByMonth>> }
  | { view: 'trend'; answer: Awaited<ReturnType<typeof getTrend>> };

function seriesOf(data: Loaded, figure: string) {
  if (data.view === 'village') return villageSeries(data.answer, figure);
  return data.view === 'month' ? monthSeries(data.answer, figure) : trendSeries(data.answer, figure);
}

export default function Charts() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [view, setView] = useState<ChartView>('village');
  const [figure, setFigure] = useState(ids[0]);
  const { loaded } = useLoad(
    async (): Promise<Loaded> => {
      if (view === 'village') return { view, answer: await getByVillage(year, ids, params.org) };
      if (view === 'month') return { view, answer: await getByMonth(year, ids, params.org) };
      return { view, answer: await getTrend(year, ids, params.org) };
    },
    `${view}:${year}:${params.org ?? ''}`,
  );

  // Before the first answer the level is unknown; a county viewer's own unit is the county.
  const unitsLabel = byUnitLabel(loaded.state === 'ready' ? loaded.data.answer.org.level : undefined);
  const series = loaded.state !== 'ready' ? null : seriesOf(loaded.data, figure);
  // What the bars show: the answer's view, not the tab just tapped (its answer may still be on the way).
  const shown = loaded.state === 'ready' ? loaded.data.view : view;

  const openBar = (key: string) => {
    const period = shown === 'village' ? String(year) : key;
    const org = shown === 'village' ? key : params.org;
    Taro.navigateTo({ url: pageUrl('records', { org, period, figure }) });
  };

  return (
    <View className="page console" id="console-charts">
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      <View className="console-tabs">
        <Text className={`console-tab ${view === 'village' ? 'console-tab-on' : ''}`} id="chart-village" onClick={() => setView('village')}>
          {unitsLabel}
        </Text>
        <Text className={`console-tab ${view === 'month' ? 'console-tab-on' : ''}`} id="chart-month" onClick={() => setView('month')}>
          分月
        </Text>
        <Text className={`console-tab ${view === 'trend' ? 'console-tab-on' : ''}`} id="chart-trend" onClick={() => setView('trend')}>
          {TREND_LABEL}
        </Text>
      </View>
      <View className="console-tabs" id="chart-figures">
        {ids.map((id) => (
          <Text className={`console-tab ${id === figure ? 'console-tab-on' : ''}`} id={`pick-${id}`} key={id} onClick={() => setFigure(id)}>
            {FIGURE_BY_ID.get(id)?.label ?? id}
          </Text>
        ))}
      </View>
      <Status loaded={loaded} id="chart" />
      {series && (
        <View className="card">
          <View
            className="title"
            id="chart-title"
          >{`${series.label}（${series.unit}）· ${shown === 'village' ? unitsLabel : shown === 'month' ? '分月' : `${year - TREND_YEARS + 1}—${year}年${TREND_LABEL}`}`}</View>
          <Bars series={series} id={`chart-${shown}-bars`} onPick={openBar} />
          <View className="muted">点任一行，可查看其背后的记录。</View>
        </View>
      )}
    </View>
  );
}
