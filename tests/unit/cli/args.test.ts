import { CliError, parseArgs, required, yearArg } from '../../../scripts/cli/args';

describe('command line arguments', () => {
  const spec = { options: ['org', 'period'], flags: ['json'], positionals: 1 };

  it('should read options with a space or an equals sign, flags and positionals', () => {
    const args = parseArgs(['file.xlsx', '--org', '500114213', '--period=2023H1', '--json'], spec);
    expect(args.options).toEqual({ org: '500114213', period: '2023H1' });
    expect([...args.flags]).toEqual(['json']);
    expect(args.positionals).toEqual(['file.xlsx']);
  });

  it('should refuse an option it does not know, in Chinese', () => {
    expect(() => parseArgs(['--jsn'], spec)).toThrow(new CliError('不认识的选项：--jsn'));
  });

  it('should refuse an option without its value, and a flag with one', () => {
    expect(() => parseArgs(['--org'], spec)).toThrow('选项 --org 后面要写一个值');
    expect(() => parseArgs(['--org', '--json'], spec)).toThrow('选项 --org 后面要写一个值');
    expect(() => parseArgs(['--json=yes'], spec)).toThrow('选项 --json 不带值');
  });

  it('should refuse positionals beyond what the command takes', () => {
    expect(() => parseArgs(['a', 'b'], spec)).toThrow('多余的参数：b');
  });

  it('should say which required option is missing and what to write there', () => {
    expect(() => required(parseArgs([], spec), 'org', '单位代码')).toThrow('缺少 --org <单位代码>');
  });

  it('should take four-digit years only', () => {
    expect(yearArg('2023')).toBe(2023);
    expect(() => yearArg('23')).toThrow('请写四位年份');
  });
});
