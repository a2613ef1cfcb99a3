/**
 * 邀请码: issue a one-time code (7 days) binding a person's WeChat to an app role and unit — from a
 * roster row (name, unit and a role from their 身份 filled in) or blank. The code shows big, with its
 * expiry and the line to read out or send, and can be copied.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { INVITE_ROLES, beijingDateTime, defaultAppRole, inviteMessage, type InviteRole } from '../../domain/staff/model';
import { issueInvite, type Invite } from '../../services/staff';
import { messageOf } from '../../services/errors';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import ChoiceField from '../../components/ChoiceField';
import TextField from '../../components/TextField';
import UnitChips from '../people/UnitChips';
import { loadScope, param, unitsOf, type StaffScope } from '../people/scope';
import '../console.css';
import '../people/staff.css';
import '../pc';

export default function Invites() {
  const { loaded } = useLoad(loadScope, 'scope');
  return (
    <View className="page console" id="invites">
      <Status loaded={loaded} id="invites-scope" />
      {loaded.state === 'ready' && !loaded.data.canWrite && (
        <View className="banner-error" id="invites-error">
          只有乡镇管理员可以发邀请码
        </View>
      )}
      {loaded.state === 'ready' && loaded.data.canWrite && <InviteForm scope={loaded.data} />}
    </View>
  );
}

function InviteForm({ scope }: { scope: StaffScope }) {
  const params = useRouter().params;
  const township = scope.townships.find((t) => t.code === param(params.township)) ?? scope.townships[0];
  const units = unitsOf(township);
  const personId = param(params.personId) || undefined;
  const [name, setName] = useState(param(params.name));
  const [role, setRole] = useState<InviteRole>(defaultAppRole(param(params.role)));
  const [org, setOrg] = useState(units.some((u) => u.code === param(params.org)) ? param(params.org) : '');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setError(null);
    if (!name.trim()) return setError('请填写姓名');
    if (!org) return setError('请选择单位');
    setBusy(true);
    try {
      setInvite(await issueInvite({ name: name.trim(), role, orgCode: org, personId }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (invite) {
    const unitName = units.find((u) => u.code === org)?.name ?? org;
    return (
      <View className="card" id="invite-result">
        <View className="title">{`${name}的邀请码`}</View>
        <View className="muted">{`${role} · ${unitName}`}</View>
        <View className="invite-code" id="invite-code">
          {invite.code}
        </View>
        <View className="muted" id="invite-expiry">{`${beijingDateTime(invite.expiresAt)} 前有效，只能使用一次`}</View>
        <View className="invite-message" id="invite-message">
          {inviteMessage(invite.code)}
        </View>
        <Button
          className="btn btn-primary"
          id="invite-copy"
          onClick={() => void Taro.setClipboardData({ data: inviteMessage(invite.code) }).catch(() => setError('复制失败，请手动抄写邀请码'))}
        >
          复制这段话
        </Button>
        {error && (
          <View className="banner-error" id="invite-error">
            {error}
          </View>
        )}
        <Button className="btn btn-secondary" id="invite-back" onClick={() => void Taro.navigateBack()}>
          返回人员名册
        </Button>
      </View>
    );
  }

  return (
    <View className="card" id="invite-form">
      <View className="title">发邀请码</View>
      <View className="muted">对方在微信中输入邀请码后，即以下面的身份和单位登记工作。7天内有效，只能使用一次。</View>
      <TextField id="invite-name" label="姓名" value={name} maxlength={30} onChange={setName} />
      <ChoiceField id="invite-role" label="工作身份" options={INVITE_ROLES} value={role} onChange={(v) => setRole(v as InviteRole)} />
      <UnitChips id="invite-org" label="单位" units={units} value={org} onChange={setOrg} />
      {error && (
        <View className="banner-error" id="invite-error">
          {error}
        </View>
      )}
      <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="invite-issue" disabled={busy || undefined} onClick={issue}>
        {busy ? '正在生成…' : '生成邀请码'}
      </Button>
      <Text className="muted">{personId ? '邀请码与名册中的这个人关联。' : ''}</Text>
    </View>
  );
}
