/**
 * 绑定工作身份: a worker enters the invite code the township admin gave them; their WeChat is then
 * bound to that name, role and unit, and home shows their work.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { boundLine, checkInviteCode, formatInviteCode } from '../../domain/staff/model';
import { bindWithCode } from '../../services/staff';
import { messageOf } from '../../services/errors';
import './index.css';

const HOME_DELAY_MS = 1500;

export default function Bind() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = checkInviteCode(typed);

  const bind = async () => {
    if (!check.ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      const me = await bindWithCode(check.code);
      setDone(boundLine(me));
      setTimeout(() => void Taro.reLaunch({ url: '/pages/home/index' }), HOME_DELAY_MS);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View className="page bind" id="bind">
        <View className="bind-done" id="bind-done">
          {done}
        </View>
        <View className="muted">正在进入首页…</View>
      </View>
    );
  }

  return (
    <View className="page bind" id="bind">
      <View className="card">
        <View className="title">绑定工作身份</View>
        <View className="muted">请输入乡镇管理员给您的邀请码（8位，横线可不输）。</View>
        <Input
          className="bind-input"
          id="bind-code"
          value={typed}
          maxlength={12}
          placeholder="XXXX-XXXX"
          onInput={(e) => {
            const next = formatInviteCode(e.detail.value);
            setTyped(next);
            setError(null);
            return next;
          }}
        />
        {(error ?? (!check.ok && check.message)) && (
          <View className="banner-error" id="bind-error">
            {error ?? (!check.ok ? check.message : '')}
          </View>
        )}
        <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="bind-submit" disabled={!check.ok || busy || undefined} onClick={bind}>
          {busy ? '正在绑定…' : '绑定'}
        </Button>
      </View>
    </View>
  );
}
