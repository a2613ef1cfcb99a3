/**
 * 单位管理: the township and its villages; 乡镇管理员 add a village (code suggested: the next free one
 * under the township) or rename one. A unit's place in the tree never changes (see lib/org-admin.ts).
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { nextVillageCode, villageCodeProblem } from '../../domain/staff/model';
import { saveVillage } from '../../services/staff';
import { messageOf } from '../../services/errors';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import TextField from '../../components/TextField';
import { loadScope, param, type StaffScope } from '../people/scope';
import '../console.css';
import '../people/staff.css';
import '../pc';

export default function Units() {
  const { loaded } = useLoad(loadScope, 'scope');
  return (
    <View className="page console" id="units">
      <Status loaded={loaded} id="units-scope" />
      {loaded.state === 'ready' && <UnitList scope={loaded.data} />}
    </View>
  );
}

type Notice = { ok: boolean; text: string };
type Unit = { code: string; name: string };

function UnitList({ scope }: { scope: StaffScope }) {
  const wanted = param(useRouter().params.township);
  const township = scope.townships.find((t) => t.code === wanted) ?? scope.townships[0];
  // Saved units are applied here as the server answers them, without reading the list again.
  const [villages, setVillages] = useState<Unit[]>(township.villages);
  const codes = [township.code, ...villages.map((v) => v.code)];
  const [notice, setNotice] = useState<Notice | null>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState(nextVillageCode(township.code, codes) ?? '');
  const [renaming, setRenaming] = useState<{ code: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (save: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      const text = await save();
      setNotice({ ok: true, text });
    } catch (e) {
      setNotice({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    const problem = !name.trim() ? '请填写村名' : villageCodeProblem(code.trim(), township.code, codes);
    if (problem) return setNotice({ ok: false, text: problem });
    void run(async () => {
      const org = await saveVillage({ code: code.trim(), name: name.trim(), parentCode: township.code });
      const next = [...villages, { code: org.code, name: org.name }].sort((a, b) => a.code.localeCompare(b.code));
      setVillages(next);
      setName('');
      setCode(
        nextVillageCode(
          township.code,
          next.map((v) => v.code),
        ) ?? '',
      );
      return `已添加：${org.name}（${org.code}）`;
    });
  };

  const rename = (target: { code: string; name: string }) => {
    if (!target.name.trim()) return setNotice({ ok: false, text: '请填写村名' });
    void run(async () => {
      const org = await saveVillage({ code: target.code, name: target.name.trim(), parentCode: township.code });
      setVillages((list) => list.map((v) => (v.code === org.code ? { code: org.code, name: org.name } : v)));
      setRenaming(null);
      return `已改名：${org.name}`;
    });
  };

  return (
    <View>
      <View className="console-head">
        <Text className="console-org" id="units-org">{`${township.name}（${township.code}）`}</Text>
      </View>
      {notice && (
        <View className={notice.ok ? 'banner-ok' : 'banner-error'} id={notice.ok ? 'units-notice' : 'units-error'}>
          {notice.text}
        </View>
      )}
      <View className="card" id="unit-list">
        <View className="title">{`下辖村（${villages.length}个）`}</View>
        {villages.map((v) => (
          <View className="staff-row" id={`unit-${v.code}`} key={v.code}>
            {renaming?.code === v.code ? (
              <View>
                <Input
                  className="form-input"
                  id="unit-rename-input"
                  value={renaming.name}
                  maxlength={50}
                  onInput={(e) => setRenaming({ code: v.code, name: e.detail.value })}
                />
                <View className="staff-actions">
                  <Text className="staff-action" id="unit-rename-save" onClick={() => !busy && rename(renaming)}>
                    保存
                  </Text>
                  <Text className="staff-action" id="unit-rename-cancel" onClick={() => setRenaming(null)}>
                    取消
                  </Text>
                </View>
              </View>
            ) : (
              <View className="staff-row-head">
                <Text className="staff-name">{v.name}</Text>
                <Text className="muted">{v.code}</Text>
                {scope.canWrite && (
                  <Text className="staff-action" id={`unit-rename-${v.code}`} onClick={() => setRenaming({ code: v.code, name: v.name })}>
                    改名
                  </Text>
                )}
              </View>
            )}
          </View>
        ))}
      </View>
      {scope.canWrite && (
        <View className="card" id="village-form">
          <View className="title">添加村</View>
          <TextField id="village-name" label="村名" value={name} maxlength={50} onChange={setName} />
          <TextField id="village-code" label="村代码（12位，已按本乡镇推荐）" type="number" value={code} maxlength={12} onChange={setCode} />
          <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="village-add" disabled={busy || undefined} onClick={add}>
            添加
          </Button>
        </View>
      )}
    </View>
  );
}
