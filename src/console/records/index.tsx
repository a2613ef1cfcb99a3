/** The records behind a figure or a quality warning, a page at a time; a rate shows its numerator and denominator. */
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { drillLine, pageText } from '../../domain/console/lines';
import { recordPageUrl } from '../../domain/console/record';
import { getDrill } from '../../services/console';
import { recordsParams } from '../nav';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import '../console.css';
import '../pc';

const LIMIT = 20;

export default function Records() {
  const query = recordsParams(useRouter().params);
  const [part, setPart] = useState(0);
  const [offset, setOffset] = useState(0);
  const { loaded } = useLoad(() => getDrill({ ...query, part, offset, limit: LIMIT }), `${JSON.stringify(query)}:${part}:${offset}`);

  const choosePart = (i: number) => {
    setPart(i);
    setOffset(0);
  };

  return (
    <View className="page console" id="console-records">
      <Status loaded={loaded} id="records" />
      {loaded.state === 'ready' && (
        <View>
          <View className="card">
            <View className="title" id="records-title">
              {loaded.data.label}
            </View>
            <View className="muted" id="records-scope">{`${loaded.data.org.name}${loaded.data.period ? ` · ${loaded.data.period}` : ''}`}</View>
            {loaded.data.message && (
              <View className="muted" id="records-message">
                {loaded.data.message}
              </View>
            )}
          </View>
          {loaded.data.parts.length > 1 && (
            <View className="console-tabs" id="records-parts">
              {loaded.data.parts.map((p, i) => (
                <Text className={`console-tab ${i === loaded.data.part ? 'console-tab-on' : ''}`} id={`part-${i}`} key={p.label} onClick={() => choosePart(i)}>
                  {`${p.label}（${p.total}）`}
                </Text>
              ))}
            </View>
          )}
          <View className="card" id="records-list">
            <View className="muted" id="records-count">
              {pageText(loaded.data.offset, loaded.data.items.length, loaded.data.total)}
            </View>
            {loaded.data.items.map((row) => {
              const line = drillLine(row);
              const url = recordPageUrl(row.kind, row.id);
              return (
                <View className="item record-row" id={`record-${line.id}`} key={line.id} onClick={() => url && Taro.navigateTo({ url })}>
                  <View className="item-head">
                    <Text className="item-title">{line.title}</Text>
                    <Text className="muted">{line.date}</Text>
                  </View>
                  <View className="muted">{`${line.orgName} · ${line.line}`}</View>
                </View>
              );
            })}
            <View className="pager">
              <Button className="btn btn-secondary" id="page-prev" disabled={offset === 0 || undefined} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>
                上一页
              </Button>
              <Button
                className="btn btn-secondary"
                id="page-next"
                disabled={offset + loaded.data.items.length >= loaded.data.total || undefined}
                onClick={() => setOffset(offset + LIMIT)}
              >
                下一页
              </Button>
            </View>
          </View>
        </View>
      )}
    </View>
  );
}
