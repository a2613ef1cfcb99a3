/** The command line's help text. */
export const USAGE = `用法：npm run cli -- <命令> [选项]

命令：
  import <文件.xlsx|文件夹> [--dry-run]           导入台账（XLSX 工作簿或 CSV 文件夹）；--dry-run 只检查不写入
  figures --org <单位代码> --period <期间> [--json]  显示统计数；期间如 2023、2023H1、2023Q1、2023-05、2023-01-01..2023-06-30
  export --org <单位代码> --period <期间> --out <文件.xlsx>   导出台账
  report --org <单位代码> --period <年度> --out <文件.docx> [--yu]   生成年度法治政府建设报告草稿；--yu 数字按乡镇的选择（默认：份、幅、人次、元）写成“3000余”
  close --org <单位代码> --year <年度> [--reason <原因>]   年度结账（冻结统计数，不能再修改该年记录）；有村未报月报或记录待审核时须写明原因
  reopen --org <单位代码> --year <年度>              反结账
  grant-admin --openid <openid> --org <单位代码> [--name <姓名>]   设为乡镇管理员
  summaries rebuild|check [--org <单位代码>] [--from <单位代码>]
                                                按记录重建（rebuild）或核对（check）统计汇总；不写 --org 为全部单位；
                                                逐个单位进行，中断后用 --from 从中断的单位接着做
  reminders                                        立即发送到期提醒（云上由定时触发器每天 8:00 运行；重复运行不会重复发送）

数据目录：环境变量 FAZHI_DATA_DIR（默认仓库下的 .data/）；已有网关在用这个目录时直接连它，否则临时启动一个。
云端：设置 ENV_ID（云开发环境 ID）和 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY 时，命令直接操作该云开发环境（先运行 npm run cloud:setup）。`;
