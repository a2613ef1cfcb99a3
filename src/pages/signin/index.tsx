/**
 * Dev sign-in of the local stack (H5 only; not built for weapp): pick a seeded person to act as.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { messageOf } from '../../services/errors';
import { clearDevIdentity, getDevIdentity, listDevPeople, setDevIdentity } from '../../services/identity';
import { groupByRole, type RoleGroup } from './signin-model';
import './index.css';

/** A fresh openid, as WeChat gives a person opening the mini-program for the first time. */
function newWechatUser(): string {
  return `o-new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function goHome() {
  Taro.reLaunch({ url: '/pages/home/index' });
}

export default function SignIn() {
  const [groups, setGroups] = useState<RoleGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = getDevIdentity();

  useEffect(() => {
    listDevPeople()
      .then((people) => setGroups(groupByRole(people)))
      .catch((e) => setError(messageOf(e)));
  }, []);

  return (
    <View className="page signin" id="signin">
      <View className="muted signin-hint">本地开发用：选择一个身份登录。</View>
      {error && (
        <View className="banner-error" id="signin-error">
          {error}
        </View>
      )}
      {!groups && !error && <View className="muted">正在加载…</View>}
      {groups?.map((group) => (
        <View className="signin-group" key={group.role}>
          <View className="signin-role">{group.role}</View>
          {group.people.map((person) => (
            <Button
              className={`btn ${person.openid === current ? 'btn-primary' : 'btn-secondary'} signin-person`}
              id={`signin-${person.openid}`}
              key={person.openid}
              onClick={() => {
                setDevIdentity(person.openid);
                goHome();
              }}
            >
              <Text>{person.name}</Text>
              <Text className="signin-org">{person.orgName}</Text>
            </Button>
          ))}
        </View>
      ))}
      <View className="signin-group">
        <Button
          className="btn btn-secondary"
          id="signin-resident"
          onClick={() => {
            clearDevIdentity();
            goHome();
          }}
        >
          以村民身份浏览
        </Button>
        {/* A WeChat user the township has not bound yet: for trying an invite code (我是工作人员，绑定身份). */}
        <Button
          className="btn btn-secondary"
          id="signin-new-user"
          onClick={() => {
            setDevIdentity(newWechatUser());
            goHome();
          }}
        >
          新的微信用户（尚未绑定，可试邀请码）
        </Button>
      </View>
    </View>
  );
}
