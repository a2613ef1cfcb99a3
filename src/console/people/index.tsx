/**
 * 人员与单位: the roster of the township and its villages — filtered by unit, 身份 and status, paged —
 * with add, edit, 离任 and an invite code per person for 乡镇管理员; 县级查看 reads it.
 */
import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { beijingDate } from '../../domain/dates';
import { ROSTER_ROLES } from '../../domain/vocab';
import { ROSTER_STATUS_LABELS, filterRoster, pageOf, rosterStatus, type RosterFilter } from '../../domain/staff/model';
import { blankPerson, formOf, leftOn, saveFailureMessage, type PersonForm, type PersonRow } from '../../domain/staff/person-form';
import { newClientId } from '../../services/ids';
import { listRoster, savePerson } from '../../services/staff';
import { isApiError, messageOf } from '../../services/errors';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import PersonEditor from './PersonEditor';
import { loadScope, staffUrl, unitsOf, type StaffScope } from './scope';
import '../console.css';
import './staff.css';
import '../pc';

export default function People() {
  const { loaded } = useLoad(loadScope, 'scope');
  return (
    <View className="page console" id="people">
      <Status loaded={loaded} id="people-scope" />
      {loaded.state === 'ready' && <Roster scope={loaded.data} />}
    </View>
  );
}

type Editing = { form: PersonForm; baseVersion?: number } | null;

function Roster({ scope: initial }: { scope: StaffScope }) {
  const [scope, setScope] = useState(initial);
  const [townshipCode, setTownshipCode] = useState(scope.townships[0].code);
  const township = scope.townships.find((t) => t.code === townshipCode) ?? scope.townships[0];
  const units = unitsOf(township);
  const [round, setRound] = useState(0);
  const { loaded, reload } = useLoad(() => listRoster(township.code), `${township.code}:${round}`);
  const [unit, setUnit] = useState('');
  const [filter, setFilter] = useState<RosterFilter>({ role: '', status: '' });
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string; row?: PersonRow } | null>(null);
  const today = beijingDate(new Date());

  // Back from 单位管理 with a new village: read the units again.
  const wentToUnits = useRef(false);
  useDidShow(() => {
    if (!wentToUnits.current) return;
    wentToUnits.current = false;
    loadScope()
      .then(setScope)
      .catch(() => undefined);
  });

  const go = (page: 'units' | 'invites', params: Record<string, string | undefined> = {}) => Taro.navigateTo({ url: staffUrl(page, params) });
  const inviteFor = (row?: PersonRow) =>
    go('invites', row ? { personId: row.id, name: row.name, role: row.role, org: row.orgCode, township: township.code } : { township: township.code });

  const saved = (row: PersonRow) => {
    setEditing(null);
    setNotice({ ok: true, text: `已保存：${row.name}（${row.role}，${row.orgName}）`, row });
    setRound((r) => r + 1);
  };

  const markLeft = async (row: PersonRow) => {
    const { confirm } = await Taro.showModal({ title: '标记离任', content: `${row.name}的结束日期记为今天（${today}）？记录会保留。` });
    if (!confirm) return;
    try {
      const after = await savePerson(leftOn(row, today), row.version);
      setNotice({ ok: true, text: `已标记离任：${after.name}` });
    } catch (error) {
      setNotice({ ok: false, text: saveFailureMessage(isApiError(error) ? error.code : undefined, messageOf(error)) });
    }
    reload();
  };

  if (editing) {
    return <PersonEditor initial={editing.form} baseVersion={editing.baseVersion} units={units} onSaved={saved} onCancel={() => setEditing(null)} />;
  }

  const rows =
    loaded.state === 'ready'
      ? filterRoster(
          loaded.data.filter((r) => !unit || r.orgCode === unit),
          filter,
          today,
        )
      : [];
  const shown = pageOf(rows, page);
  const chip = (id: string, on: boolean, label: string, onClick: () => void) => (
    <View key={id} id={id} className={`chip chip-small ${on ? 'chip-on' : ''}`} onClick={onClick}>
      {label}
    </View>
  );
  const refilter = (next: Partial<RosterFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(0);
  };

  return (
    <View>
      <View className="console-head">
        <Text className="console-org" id="people-org">{`${township.name} · 人员名册`}</Text>
        {!scope.canWrite && <Text className="console-badge">只读</Text>}
      </View>
      {scope.townships.length > 1 && (
        <View className="staff-chips" id="people-townships">
          {scope.townships.map((t) =>
            chip(`people-township-${t.code}`, t.code === township.code, t.name, () => (setTownshipCode(t.code), setUnit(''), setPage(0))),
          )}
        </View>
      )}
      <View className="console-nav">
        {scope.canWrite && (
          <Button
            className="btn btn-primary"
            id="person-add"
            onClick={() => (setNotice(null), setEditing({ form: blankPerson(newClientId(), unit || township.villages[0]?.code || township.code) }))}
          >
            新增人员
          </Button>
        )}
        <Button className="btn btn-secondary" id="go-units" onClick={() => ((wentToUnits.current = true), go('units', { township: township.code }))}>
          单位管理
        </Button>
        {scope.canWrite && (
          <Button className="btn btn-secondary" id="go-invite-blank" onClick={() => inviteFor()}>
            发邀请码
          </Button>
        )}
      </View>
      {notice && (
        <View className={notice.ok ? 'banner-ok' : 'banner-error'} id={notice.ok ? 'people-notice' : 'people-error'}>
          <Text>{notice.text}</Text>
          {notice.row && scope.canWrite && (
            <Text className="link" id="notice-invite" onClick={() => inviteFor(notice.row)}>
              {' '}
              给他/她发邀请码
            </Text>
          )}
        </View>
      )}
      <View className="card">
        <View className="staff-chips" id="filter-unit">
          {chip('filter-unit-all', unit === '', '全部单位', () => (setUnit(''), setPage(0)))}
          {units.map((u) => chip(`filter-unit-${u.code}`, unit === u.code, u.name, () => (setUnit(u.code), setPage(0))))}
        </View>
        <View className="staff-chips" id="filter-role">
          {chip('filter-role-all', filter.role === '', '全部身份', () => refilter({ role: '' }))}
          {ROSTER_ROLES.map((r, i) => chip(`filter-role-${i}`, filter.role === r, r, () => refilter({ role: r })))}
        </View>
        <View className="staff-chips" id="filter-status">
          {chip('filter-status-all', filter.status === '', '全部', () => refilter({ status: '' }))}
          {chip('filter-status-serving', filter.status === 'serving', '在任', () => refilter({ status: 'serving' }))}
          {chip('filter-status-left', filter.status === 'left', '已离任', () => refilter({ status: 'left' }))}
        </View>
      </View>
      <Status loaded={loaded} id="roster" />
      {loaded.state === 'ready' && (
        <View className="card" id="roster">
          <View className="muted" id="roster-count">{`共 ${rows.length} 人`}</View>
          {rows.length === 0 && <View className="empty">没有符合条件的人员</View>}
          {shown.rows.map((row) => {
            const status = rosterStatus(row, today);
            return (
              <View className="staff-row" id={`person-${row.id}`} key={row.id}>
                <View className="staff-row-head">
                  <Text className="staff-name">{row.name}</Text>
                  <Text>{row.role}</Text>
                  <Text className="muted">{row.orgName}</Text>
                  <Text className={`staff-status staff-status-${status}`} id={`person-status-${row.id}`}>
                    {ROSTER_STATUS_LABELS[status]}
                  </Text>
                </View>
                <View className="muted">{[row.phone, `${row.startDate ?? '—'} 至 ${row.endDate ?? '今'}`].filter(Boolean).join(' · ')}</View>
                {scope.canWrite && (
                  <View className="staff-actions">
                    <Text
                      className="staff-action"
                      id={`person-edit-${row.id}`}
                      onClick={() => (setNotice(null), setEditing({ form: formOf(row), baseVersion: row.version }))}
                    >
                      修改
                    </Text>
                    {status === 'serving' && (
                      <Text className="staff-action" id={`person-leave-${row.id}`} onClick={() => void markLeft(row)}>
                        离任
                      </Text>
                    )}
                    {status !== 'left' && (
                      <Text className="staff-action" id={`person-invite-${row.id}`} onClick={() => inviteFor(row)}>
                        邀请码
                      </Text>
                    )}
                  </View>
                )}
              </View>
            );
          })}
          {shown.pages > 1 && (
            <View className="staff-pager">
              <Button className="btn btn-secondary" id="roster-prev" disabled={shown.page === 0 || undefined} onClick={() => setPage(shown.page - 1)}>
                上一页
              </Button>
              <Text className="muted" id="roster-page">{`${shown.page + 1} / ${shown.pages}`}</Text>
              <Button
                className="btn btn-secondary"
                id="roster-next"
                disabled={shown.page >= shown.pages - 1 || undefined}
                onClick={() => setPage(shown.page + 1)}
              >
                下一页
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
