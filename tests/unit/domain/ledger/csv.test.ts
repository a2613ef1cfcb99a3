import { CsvError, parseCsv, writeCsv } from '@/domain/ledger/csv';

describe('parseCsv', () => {
  it('should split plain fields and lines', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('should drop a UTF-8 byte order mark', () => {
    expect(parseCsv('\ufeff编号,姓名\r\nRY1,张三')).toEqual([
      ['编号', '姓名'],
      ['RY1', '张三'],
    ]);
  });

  it('should accept CRLF, LF and CR line ends', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('should keep empty fields, also at the end of a line', () => {
    expect(parseCsv('a,,c,\n,,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', ''],
    ]);
  });

  it('should unquote fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"a,b","say ""hi""","line1\r\nline2"\r\nx,"",y')).toEqual([
      ['a,b', 'say "hi"', 'line1\r\nline2'],
      ['x', '', 'y'],
    ]);
  });

  it('should keep a quote inside an unquoted field as written', () => {
    expect(parseCsv('5"寸,b')).toEqual([['5"寸', 'b']]);
  });

  it('should keep blank lines as rows of one empty field', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('should give no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\ufeff')).toEqual([]);
  });

  it('should report an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n"c,d\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n"c,d\n')).toThrow('CSV 第2行：引号没有闭合');
  });
});

describe('writeCsv', () => {
  it('should quote only what needs quoting and round-trip through parseCsv', () => {
    const rows = [
      ['编号', '主题'],
      ['PF1', '民法典, "宣传"'],
      ['PF2', '两行\n文字'],
      ['PF3', 12],
    ];
    const text = writeCsv(rows);
    expect(text).toBe('编号,主题\r\nPF1,"民法典, ""宣传"""\r\nPF2,"两行\n文字"\r\nPF3,12\r\n');
    expect(parseCsv(text)).toEqual(rows.map((r) => r.map(String)));
  });

  it('should add a BOM when asked', () => {
    expect(writeCsv([['a']], { bom: true })).toBe('\ufeffa\r\n');
  });
});
