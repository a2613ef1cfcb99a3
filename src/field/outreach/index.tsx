/**
 * 普法活动 form. The view only wires inputs to form-model.ts, which holds the logic.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import type { Me } from '../../domain/api';
import { beijingDate } from '../../domain/dates';
import { validateOutreach } from '../../domain/records/outreach';
import { OUTREACH_TYPES, OUTREACH_VENUES } from '../../domain/vocab';
import Stepper from '../../components/Stepper';
import { createOutreach, whoami } from '../../services/api';
import { isApiError, messageOf } from '../../services/errors';
import { newClientId } from '../../services/ids';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from '../../services/storage';
import { homeModeOf } from '../../pages/home/home-model';
import {
  FIELD_IDS,
  NO_PROBLEMS,
  buildOutreachRecord,
  changeType,
  initialDraft,
  placeProblems,
  type CountField,
  type FormField,
  type OutreachDraft,
  type PlacedProblems,
} from './form-model';
import './index.css';

const DRAFT_KEY = STORAGE_KEYS.outreachDraft;

const COUNTS: { field: CountField; label: string; max: number }[] = [
  { field: 'attendees', label: '受众人数', max: 100000 },
  { field: 'materials', label: '发放资料份数', max: 100000 },
  { field: 'banners', label: '横幅幅数', max: 1000 },
  { field: 'consultations', label: '咨询人次', max: 100000 },
];

type Person = { state: 'loading' } | { state: 'ready'; me: Me | null } | { state: 'failed'; message: string };

export default function OutreachForm() {
  const today = beijingDate(new Date());
  const [person, setPerson] = useState<Person>({ state: 'loading' });
  const [draft, setDraft] = useState<OutreachDraft>(() =>
    initialDraft({
      newId: newClientId(),
      today,
      lastType: readStored(STORAGE_KEYS.outreachLastType),
      stored: readStored(DRAFT_KEY),
    }),
  );
  const [problems, setProblems] = useState<PlacedProblems>(NO_PROBLEMS);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    whoami()
      .then((me) => setPerson({ state: 'ready', me }))
      .catch((e) => setPerson({ state: 'failed', message: messageOf(e) }));
  }, []);

  /** Every change is kept as the draft, so a killed app or a lost signal loses nothing typed. */
  function update(next: OutreachDraft, field: FormField) {
    setDraft(next);
    writeStored(DRAFT_KEY, next);
    if (problems.fields[field]) {
      const fields = { ...problems.fields };
      delete fields[field];
      setProblems({ ...problems, fields });
    }
  }

  async function save(me: Me) {
    if (saving) return;
    const checked = validateOutreach(buildOutreachRecord(draft, me.org.code));
    if (!checked.ok) {
      setProblems(placeProblems(checked.problems));
      return;
    }
    setSaving(true);
    setProblems(NO_PROBLEMS);
    try {
      await createOutreach(checked.value);
      removeStored(DRAFT_KEY);
      writeStored(STORAGE_KEYS.outreachLastType, draft.type);
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
      setTimeout(() => Taro.redirectTo({ url: '/field/mine/index' }), 600);
    } catch (error) {
      const placed = isApiError(error) ? placeProblems(error.problems) : NO_PROBLEMS;
      setProblems({ fields: placed.fields, general: [messageOf(error), ...placed.general] });
      setSaving(false);
    }
  }

  if (person.state === 'loading') return <View className='page muted'>正在加载…</View>;
  if (person.state === 'failed') {
    return (
      <View className='page'>
        <View className='banner-error' id='outreach-error'>
          {person.message}
        </View>
      </View>
    );
  }
  const me = person.me;
  if (!me || homeModeOf(me) !== 'field') {
    return (
      <View className='page'>
        <View className='banner-error' id='outreach-denied'>
          只有法律明白人、人民调解员和村干部可以登记普法活动。
        </View>
      </View>
    );
  }

  const fieldError = (field: FormField) =>
    problems.fields[field] ? (
      <Text className='error-text' id={`${FIELD_IDS[field]}-error`}>
        {problems.fields[field]}
      </Text>
    ) : null;

  return (
    <View className='page outreach' id='outreach-form'>
      {problems.general.length > 0 && (
        <View className='banner-error' id='outreach-error'>
          {problems.general.map((message) => (
            <View key={message}>{message}</View>
          ))}
        </View>
      )}

      <View className='card'>
        <Row label='单位'>
          <Text className='form-static' id='field-org'>
            {me.org.name}
          </Text>
        </Row>
        <Row label='活动类型' error={fieldError('type')}>
          <Picker
            id={FIELD_IDS.type}
            mode='selector'
            range={[...OUTREACH_TYPES]}
            value={OUTREACH_TYPES.indexOf(draft.type)}
            onChange={(e) => update(changeType(draft, OUTREACH_TYPES[Number(e.detail.value)] ?? draft.type), 'type')}
          >
            <View className='form-picker'>{draft.type}</View>
          </Picker>
        </Row>
        <Row label='活动场所' error={fieldError('venue')}>
          <Picker
            id={FIELD_IDS.venue}
            mode='selector'
            range={[...OUTREACH_VENUES]}
            value={OUTREACH_VENUES.indexOf(draft.venue)}
            onChange={(e) =>
              update({ ...draft, venue: OUTREACH_VENUES[Number(e.detail.value)] ?? draft.venue }, 'venue')
            }
          >
            <View className='form-picker'>{draft.venue}</View>
          </Picker>
        </Row>
        <Row label='活动日期' error={fieldError('date')}>
          <Picker
            id={FIELD_IDS.date}
            mode='date'
            value={draft.date}
            start='2000-01-01'
            end={today}
            onChange={(e) => update({ ...draft, date: e.detail.value }, 'date')}
          >
            <View className='form-picker'>{draft.date}</View>
          </Picker>
        </Row>
        <Row label='宣传主题（可不填）' error={fieldError('topic')}>
          <Input
            className='form-input'
            id={FIELD_IDS.topic}
            value={draft.topic}
            maxlength={100}
            placeholder='如：民法典进乡村'
            onInput={(e) => update({ ...draft, topic: e.detail.value }, 'topic')}
          />
        </Row>
      </View>

      <View className='card'>
        {COUNTS.map(({ field, label, max }) => (
          <Stepper
            key={field}
            id={FIELD_IDS[field]}
            label={label}
            value={draft[field]}
            max={max}
            error={problems.fields[field]}
            onChange={(value) => update({ ...draft, [field]: value }, field)}
          />
        ))}
      </View>

      {/* No `loading` prop: on H5 it makes the button insert a spinner into text React manages. */}
      <Button className={`btn btn-primary ${saving ? 'btn-busy' : ''}`} id='save-outreach' onClick={() => save(me)}>
        {saving ? '正在保存…' : '保存'}
      </Button>
    </View>
  );
}

function Row({ label, error, children }: { label: string; error?: ReactNode; children: ReactNode }) {
  return (
    <View className='form-row'>
      <View className='form-label'>{label}</View>
      {children}
      {error}
    </View>
  );
}
