/**
 * The one form view for every record kind: it renders the kind's spec (src/domain/forms/spec.ts),
 * keeps the draft as the person types, validates with the kind's schema and saves to the outbox —
 * on the phone first, sent when there is a network. Opened with `?outbox=<id>` it reopens a record
 * that needs fixing (需处理) and saves it back in place.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Me } from '../../domain/api';
import { beijingDate } from '../../domain/dates';
import { KINDS } from '../../domain/records/kinds';
import { FORM_ROLES, FORM_TITLES, type FormKind } from '../../domain/forms/roles';
import { fieldId, formSpec, type FieldSpec, type FormContext } from '../../domain/forms/spec';
import {
  NO_PROBLEMS,
  buildRecord,
  changeValue,
  draftFromRecord,
  initialDraft,
  isShown,
  placeProblems,
  rememberedValues,
  type Draft,
  type PartyDraft,
  type PhotoDraft,
  type PlacedProblems,
} from '../../domain/forms/draft';
import Stepper from '../../components/Stepper';
import ChoiceField from '../../components/ChoiceField';
import DateField, { daysAfterChips } from '../../components/DateField';
import TextField from '../../components/TextField';
import PartiesEditor from '../../components/PartiesEditor';
import PhotoPicker from '../../components/PhotoPicker';
import LocationField, { type GeoPoint } from '../../components/LocationField';
import FieldRow from '../../components/FieldRow';
import { editableRecord } from '../../domain/forms/case';
import { awaitsHeldConfirmation } from '../../domain/records/outreach';
import { HELD } from '../../domain/vocab';
import { storageWarning } from '../../components/OutboxStatus/status-model';
import { getRecord, whoamiOrLast } from '../../services/api';
import { messageOf } from '../../services/errors';
import { onNetworkChange } from '../../services/network';
import { newClientId } from '../../services/ids';
import { OutboxStorageError, outbox, sendNow, type OutboxEntry } from '../../services/outbox';
import { draftKey, lastUsedKey, readStored, removeStored, writeStored } from '../../services/storage';
import './index.css';

type Person = { state: 'loading' } | { state: 'ready'; me: Me | null; offline: boolean } | { state: 'failed'; message: string };

export default function RecordForm({ kind }: { kind: FormKind }) {
  const today = beijingDate(new Date());
  const params = useRouter().params;
  const fixId = params.outbox;
  // `?record=<id>`: a record on the server edited (the township admin from the console's record page; a
  // recorder confirming a planned event held from 我的记录, with `&held=1`).
  const editId = params.record ? decodeURIComponent(params.record) : undefined;
  const confirmHeld = params.held === '1';
  const [person, setPerson] = useState<Person>({ state: 'loading' });
  const [editing, setEditing] = useState<Reopened | undefined>(undefined);

  useEffect(() => {
    whoamiOrLast()
      .then(async ({ me, offline }) => {
        if (editId) setEditing(await serverRecordToEdit(kind, editId, confirmHeld));
        setPerson({ state: 'ready', me, offline });
      })
      .catch((e) => setPerson({ state: 'failed', message: messageOf(e) }));
  }, [kind, editId, confirmHeld]);
  // The offline note follows the network while the form is open.
  useEffect(() => onNetworkChange((online) => setPerson((now) => (now.state === 'ready' ? { ...now, offline: !online } : now))), []);

  if (person.state === 'loading') return <View className="page muted">正在加载…</View>;
  if (person.state === 'failed') {
    return (
      <View className="page">
        <View className="banner-error" id={`${kind}-error`}>
          {person.message}
        </View>
      </View>
    );
  }
  const me = person.me;
  if (!me || !FORM_ROLES[kind].includes(me.role)) {
    return (
      <View className="page">
        <View className="banner-error" id={`${kind}-denied`}>
          {`只有${FORM_ROLES[kind].join('、')}可以登记${FORM_TITLES[kind]}。`}
        </View>
      </View>
    );
  }
  const fixing = editing ?? (fixId ? outbox().get(fixId) : undefined);
  return <FormBody kind={kind} me={me} offline={person.offline} today={today} fixing={fixing} onServer={!!editing} />;
}

/**
 * A record on the server as an edit waiting to be made: its fields, its photos (already uploaded) and
 * the version the edit is made on. A record whose parties are masked for this person cannot be edited:
 * saving it would overwrite the parties with the masked values.
 */
async function serverRecordToEdit(kind: FormKind, id: string, confirmHeld = false): Promise<Reopened> {
  const view = await getRecord(kind, id);
  if (view.masked) throw new Error('您不是这件事的经办人，不能修改当事人信息。');
  const photos = Array.isArray(view.photos) ? (view.photos as string[]).map((fileID) => ({ local: fileID, fileID })) : [];
  const record = editableRecord(kind, view);
  // 确认已举办 from 我的记录: the planned event opens as held, for its numbers to be filled in.
  if (confirmHeld && awaitsHeldConfirmation(kind, record, beijingDate(new Date()))) record.status = HELD;
  return { action: 'update', baseVersion: view.version, record, photos };
}

/** What reopening a record needs: one that needs fixing (需处理), or one on the server being edited. */
type Reopened = Pick<OutboxEntry, 'action' | 'baseVersion' | 'record' | 'photos' | 'error'>;

interface BodyProps {
  kind: FormKind;
  me: Me;
  offline: boolean;
  today: string;
  fixing?: Reopened;
  /** Editing a record on the server: saving goes back to where it was opened from. */
  onServer?: boolean;
}

function FormBody({ kind, me, offline, today, fixing, onServer }: BodyProps) {
  const ctx: FormContext = useMemo(
    () => ({ role: me.role, name: me.name, today, lastUsed: readStored<Record<string, unknown>>(lastUsedKey(kind)) }),
    [kind, me, today],
  );
  const spec = useMemo(() => formSpec(kind, ctx), [kind, ctx]);
  const [draft, setDraft] = useState<Draft>(() => {
    if (fixing) return draftFromRecord(spec, fixing.record, fixing.photos, spec.defaults(ctx));
    return initialDraft(spec, { ...ctx, newId: newClientId(), stored: readStored(draftKey(kind)) });
  });
  const [problems, setProblems] = useState<PlacedProblems>(() =>
    fixing?.error ? { ...placeProblems(spec, fixing.error.problems, draft.values), general: [fixing.error.message] } : NO_PROBLEMS,
  );
  const [saving, setSaving] = useState(false);
  const leaving = useRef<ReturnType<typeof setTimeout>>();
  const stayHere = () => clearTimeout(leaving.current);
  useDidHide(stayHere);
  useEffect(() => stayHere, []);
  const warning = storageWarning(outbox().usage());

  /** Every change is kept as the draft, so a killed app or a lost signal loses nothing typed. */
  function update(name: string, value: unknown) {
    const next = changeValue(spec, draft, name, value, ctx);
    setDraft(next);
    if (!fixing) writeStored(draftKey(kind), next);
    if (problems.fields[name]) {
      const fields = { ...problems.fields };
      delete fields[name];
      setProblems({ ...problems, fields });
    }
  }

  function save() {
    if (saving) return;
    const def = KINDS[kind];
    const built = buildRecord(spec, draft, me.org.code);
    const checked = def.validate(def.prepare ? def.prepare(built.record) : built.record);
    if (!checked.ok) {
      setProblems(placeProblems(spec, checked.problems, draft.values));
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      outbox().add({ kind, action: fixing?.action ?? 'create', baseVersion: fixing?.baseVersion, record: checked.value, photos: built.photos });
    } catch (error) {
      setProblems({ fields: {}, general: [error instanceof OutboxStorageError ? error.message : messageOf(error)] });
      setSaving(false);
      return;
    }
    if (!fixing) removeStored(draftKey(kind));
    writeStored(lastUsedKey(kind), { ...(ctx.lastUsed ?? {}), ...rememberedValues(spec, draft.values) });
    sendNow();
    Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 });
    // Leave once the toast has been seen — unless the person has already gone elsewhere, where a late
    // navigateBack would close the page they opened instead.
    leaving.current = setTimeout(() => (onServer ? Taro.navigateBack() : Taro.redirectTo({ url: '/field/mine/index' })), 500);
  }

  const field = (f: FieldSpec) => {
    const id = fieldId(f.name);
    const error = problems.fields[f.name];
    const value = draft.values[f.name];
    switch (f.type) {
      case 'choice':
        return (
          <ChoiceField key={f.name} id={id} label={f.label} options={f.options} value={String(value ?? '')} error={error} onChange={(v) => update(f.name, v)} />
        );
      case 'date':
        return (
          <DateField
            key={f.name}
            id={id}
            label={f.label}
            value={String(value ?? today)}
            today={today}
            chips={f.after ? daysAfterChips(String(draft.values[f.after.from] ?? today), f.after.days) : undefined}
            error={error}
            onChange={(v) => update(f.name, v)}
          />
        );
      case 'count':
        return (
          <Stepper
            key={f.name}
            id={id}
            label={f.label}
            value={typeof value === 'number' ? value : 0}
            max={f.max}
            error={error}
            onChange={(v) => update(f.name, v)}
          />
        );
      case 'text':
        return (
          <TextField
            key={f.name}
            id={id}
            label={f.label}
            value={String(value ?? '')}
            maxlength={f.max}
            placeholder={f.placeholder}
            multiline={f.multiline}
            error={error}
            onChange={(v) => update(f.name, v)}
          />
        );
      case 'amount':
        return (
          <TextField
            key={f.name}
            id={id}
            label={f.label}
            type="digit"
            value={String(value ?? '')}
            maxlength={14}
            error={error}
            onChange={(v) => update(f.name, v)}
          />
        );
      case 'parties':
        return <PartiesEditor key={f.name} id={id} label={f.label} value={(value as PartyDraft[]) ?? []} error={error} onChange={(v) => update(f.name, v)} />;
      case 'photos':
        return <PhotoPicker key={f.name} id={id} label={f.label} value={(value as PhotoDraft[]) ?? []} error={error} onChange={(v) => update(f.name, v)} />;
      case 'location':
        return <LocationField key={f.name} id={id} label={f.label} value={value as GeoPoint | undefined} error={error} onChange={(v) => update(f.name, v)} />;
    }
  };

  const shown = spec.fields.filter((f) => isShown(f, draft.values));
  const counts = shown.filter((f) => f.type === 'count');
  const media = shown.filter((f) => f.type === 'photos' || f.type === 'location');
  const main = shown.filter((f) => f.type !== 'count' && f.type !== 'photos' && f.type !== 'location');

  return (
    <View className={`page record-form ${kind}`} id={`${kind}-form`}>
      {offline && (
        <View className="banner-info" id="offline-note">
          现在没有网络：记录先保存在手机上，有网络时自动发送。
        </View>
      )}
      {warning && (
        <View className="banner-error" id="storage-warning">
          {warning}
        </View>
      )}
      {problems.general.length > 0 && (
        <View className="banner-error" id={`${kind}-error`}>
          {problems.general.map((message) => (
            <View key={message}>{message}</View>
          ))}
        </View>
      )}
      <View className="card">
        <FieldRow id="field-org" label="单位">
          <Text className="form-static" id="field-org">
            {me.org.name}
          </Text>
        </FieldRow>
        {main.map(field)}
      </View>
      {counts.length > 0 && <View className="card">{counts.map(field)}</View>}
      {media.length > 0 && <View className="card">{media.map(field)}</View>}
      {/* No `loading` prop: on H5 it makes the button insert a spinner into text React manages. */}
      <Button className={`btn btn-primary ${saving ? 'btn-busy' : ''}`} id={`save-${kind}`} onClick={save}>
        {saving ? '正在保存…' : onServer ? '保存修改' : fixing ? '改好了，重新发送' : '保存'}
      </Button>
    </View>
  );
}
