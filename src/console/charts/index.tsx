/** 分村/分月: one figure at a time, by unit or by month, as bars; a unit's bar opens its records. */
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import { FIGURE_BY_ID } from '../../domain/indicators/catalogue';
import { CHART_FIGURES, byUnitLabel, monthSeries, villageSeries } from '../../domain/console/series';
import { getByMonth, getByVillage } from '../../services/console';
import { consoleParams, pageUrl } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import Bars from '../components/Bars';
import '../console.css';
import '../pc';

type ChartView = 'village' | 'month';
const ids = [...CHART_FIGURES];

export default function Charts() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [view, setView] = useState<ChartView>('village');
  const [figure, setFigure] = useState(ids[0]);
  const { loaded } = useLoad(
    async () => (view === 'village' ? { view, answer: await getByVillage(year, ids, params.org) } : { view, answer: await getByMonth(year, ids, params.org) }),
    `${view}:${year}:${params.org ?? ''}`,
  );

  // Before the first answer the level is unknown; a county viewer's own unit is the county.
  const unitsLabel = byUnitLabel(loaded.state === 'ready' ? loaded.data.answer.org.level : undefined);
  const series =
    loaded.state !== 'ready' ? null : loaded.data.view === 'village' ? villageSeries(loaded.data.answer, figure) : monthSeries(loaded.data.answer, figure);
  // What the bars show: the answer's view, not the tab just tapped (its answer may still be on the way).
  const shown = loaded.state === 'ready' ? loaded.data.view : view;

  const openBar = (key: string) => {
    const period = shown === 'village' ? String(year) : key;
    const org = shown === 'village' ? key : params.org;
    Taro.navigateTo({ url: pageUrl('records', { org, period, figure }) });
  };

  return (
    <View className='page console' id='console-charts'>
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      <View className='console-tabs'>
        <Text className={`console-tab ${view === 'village' ? 'console-tab-on' : ''}`} id='chart-village' onClick={() => setView('village')}>
          {unitsLabel}
        </Text>
        <Text className={`console-tab ${view === 'month' ? 'console-tab-on' : ''}`} id='chart-month' onClick={() => setView('month')}>
          分月
        </Text>
      </View>
      <View className='console-tabs' id='chart-figures'>
        {ids.map((id) => (
          <Text className={`console-tab ${id === figure ? 'console-tab-on' : ''}`} id={`pick-${id}`} key={id} onClick={() => setFigure(id)}>
            {FIGURE_BY_ID.get(id)?.label ?? id}
          </Text>
        ))}
      </View>
      <Status loaded={loaded} id='chart' />
      {series && (
        <View className='card'>
          <View className='title' id='chart-title'>{`${series.label}（${series.unit}）· ${shown === 'village' ? unitsLabel : '分月'}`}</View>
          <Bars series={series} id={`chart-${shown}-bars`} onPick={openBar} />
          <View className='muted'>点任一行，可查看其背后的记录。</View>
        </View>
      )}
    </View>
  );
}
