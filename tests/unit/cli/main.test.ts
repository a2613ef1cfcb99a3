import { main } from '../../../scripts/cli';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {}, cwd: '/' } };
}

describe('the command line dispatcher', () => {
  it('should print the usage on stdout when asked for help', async () => {
    const t = io();
    expect(await main(['help'], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('用法：npm run cli -- <命令>');
  });

  it('should answer an unknown command with the usage on stderr and a non-zero exit', async () => {
    const t = io();
    expect(await main(['frobnicate'], t.io)).toBe(2);
    expect(t.err[0]).toBe('不认识的命令：frobnicate');
    expect(t.err[1]).toContain('import <文件.xlsx|文件夹>');
    expect(t.out).toEqual([]);
  });

  it('should ask for a command when none is given', async () => {
    const t = io();
    expect(await main([], t.io)).toBe(2);
    expect(t.err[0]).toBe('请给出要执行的命令。');
  });

  it('should report a mistake in the arguments before touching any data', async () => {
    const t = io();
    expect(await main(['figures', '--org', '500114213', '--period', 'last year'], t.io)).toBe(1);
    expect(t.err[0]).toMatch(/^错误：期间格式不对/);
  });
});
