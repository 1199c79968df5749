"""Messages of the exchange area (codes are "exchange.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
    "op.record_progress": ("登记 {count} 项进展", "Record progress on {count} tasks"),
    # What happened to one returned file (汇总, exchange import).
    "file.applied": ("已导入", "imported"),
    "file.partial": ("已导入无误的行，{n} 处待核实", "valid rows imported, {n} cells to check"),
    "file.checked": ("可导入", "can be imported"),
    "file.errors": ("有错误，未导入", "has errors, not imported"),
    "file.unreadable": ("无法读取", "cannot be read"),
    "file.already_imported": ("已导入过", "imported before"),
    # A department's state in a round's 汇总.
    "department.returned": ("已报送", "returned"),
    "department.errors": ("报送有误（{n} 处）", "returned with errors ({n})"),
    "department.missing": ("未报送", "not returned"),
    # A task's merged state.
    "task.disagree": ("意见不一致", "departments disagree"),
    "task.to_check": ("待核实", "to check"),
    # Command-line lines.
    "cli.file_line": ("{file}：{state}{who}，修改 {changes} 处，冲突 {conflicts} 处",
                      "{file}: {state}{who}, {changes} changes, {conflicts} conflicts"),
    "cli.departments": ("报送情况：已报送 {returned} 个，报送有误 {errors} 个，未报送 {missing} 个",
                        "Departments: {returned} returned, {errors} with errors, {missing} not returned"),
    "cli.partial_hint": ("{files} 有错误的行；确认后加 {flag} 可只导入无误的行，其余留待核实",
                         "{files} have rows with errors; add {flag} to import the valid rows "
                         "and leave the others to check"),
    "export.names_collide": ("{count} 个部门只得到 {files} 个不同的文件名，未导出任何文件",
                             "{count} departments gave only {files} distinct file names; nothing "
                             "was exported"),
    # What reading a returned workbook found, as the review dialog and the CLI show it
    # (the punctuation between file, cell and message follows the language: return_report).
    "report.error": ("错误 {issue}", "Error {issue}"),
    "report.warning": ("提示 {issue}", "Note {issue}"),
    "report.normalised": ("规整 {issue}", "Read as meant {issue}"),
    "report.change": ("修改 {change}", "Change {change}"),
    "report.conflict": ("冲突 {change}（本工作区在发出后已改为“{value}”）",
                        "Conflict {change} (changed here to “{value}” after the workbook was sent)"),
    "report.nothing": ("（没有需要导入的改动）", "(nothing to import)"),
    "report.empty": ("（空）", "(empty)"),
    "report.field_text": ("进展情况", "progress"),
    "report.field_status": ("完成状态", "status"),
    "report.field_percent": ("完成百分比", "percent done"),
    "report.field_problems": ("存在问题", "problems"),
    "report.field_next_steps": ("下一步工作计划", "next steps"),
    "report.field_note": ("备注", "note"),
    "report.status_not_started": ("未启动", "not started"),
    "report.status_in_progress": ("推进中", "in progress"),
    "report.status_done": ("已完成", "done"),
    # A returned workbook's cells.
    "cell.answers_moved": ("本行的填报内容原属于第 {rows} 行（答案列被排序或剪切粘贴）：无法确认哪些内容属于本任务，"
                           "请按发出时的行重新填写",
                           "The answers in this row were sent in row {rows} (the answer columns were "
                           "sorted or cut and pasted): which belong to this task cannot be told; fill "
                           "them in on the rows as sent"),
    "cell.row_mark_lost": ("本行答案列中隐藏的行标记缺失或被改动（答案列被粘贴覆盖或移动）：无法确认内容属于本任务，"
                           "请按发出时的行重新填写",
                           "The hidden row mark among this row's answers is missing or changed "
                           "(answers pasted over or moved): they cannot be proven to be this task's; "
                           "fill them in on the rows as sent"),
    "cell.merged": ("单元格 {ref} 被合并：合并会藏起其中填写的内容，请取消合并，每项任务各自填写",
                    "The cells {ref} are merged, which hides what was typed under them; unmerge "
                    "them and fill in each task on its own"),
    "cell.status_ambiguous": ("完成状态“{text}”不明确：请向报送单位确认是“推进中”还是“已完成”",
                              "The status “{text}” is unclear: ask the department whether it is "
                              "in progress or done"),
    "cell.status_invalid": ("完成状态“{text}”无效，应为 未启动、推进中 或 已完成",
                            "The status “{text}” is not valid; it should be 未启动, 推进中 or 已完成"),
    "cell.percent_ambiguous": ("完成百分比 {value} 不明确：是 {hundred}% 还是 {value}%？请填写 0–100 的数字，如 60",
                               "The percentage {value} is unclear: {hundred}% or {value}%? Write a "
                               "number from 0 to 100, such as 60"),
    "cell.percent_not_number": ("完成百分比“{text}”不是数字", "The percentage “{text}” is not a number"),
    "cell.percent_range": ("完成百分比 {value} 超出 0–100 的范围",
                           "The percentage {value} is outside 0–100"),
    # How a cell was read (the import report's 规整 lines).
    "read.status_synonym": ("完成状态“{text}”读作“{label}”", "The status “{text}” read as “{label}”"),
    "read.trimmed": ("去掉了首尾的空格", "Leading and trailing spaces removed"),
    "read.status_marks": ("完成状态“{text}”去掉标点或引号后读作“{label}”",
                          "The status “{text}” read as “{label}” without its punctuation or quotes"),
    "read.inner_spaces": ("去掉了中间的空格", "Spaces inside removed"),
    "read.date": ("日期（{serial}）读作“{text}”", "The date ({serial}) read as “{text}”"),
    "read.iso_date": ("日期读作“{text}”", "The date read as “{text}”"),
    "read.number": ("数字读作“{text}”", "The number read as “{text}”"),
    "read.percent_format": ("百分比格式的 {value} 读作 {percent}%",
                            "{value} in a percent cell read as {percent}%"),
    "read.percent_text": ("完成百分比“{text}”读作 {value}", "The percentage “{text}” read as {value}"),
    # What reading a return found about the file and its rows.
    "return.imported_before": ("该文件已于 {time} 导入，本次不再重复导入",
                               "This file was imported on {time}; it is not imported again"),
    "return.unchanged": ("与发出的文件完全相同：对方没有填写任何内容",
                         "Identical to the file sent: nothing was filled in"),
    "return.meta_damaged": ("隐藏的 _plandesk 工作表已损坏", "The hidden _plandesk sheet is damaged"),
    "return.header_changed": ("表头被改动（列被插入、删除或移动），无法按列核对，请用发出的原表填写",
                              "The header was changed (columns inserted, deleted or moved); the "
                              "columns cannot be checked: fill in the workbook as sent"),
    "return.header_cell_changed": ("表头第 {column} 列应为“{expected}”，现为“{found}”（列被插入、删除或移动）："
                                   "请删除插入的列、恢复原列，或用发出的原表填写",
                                   "Column {column} of the header should be “{expected}” but is "
                                   "“{found}” (columns inserted, deleted or moved): delete the "
                                   "inserted column, restore the columns, or fill in the workbook as sent"),
    "return.hidden_column": ("隐藏列", "a hidden column"),
    "return.sheet_renamed": ("工作表“{sheet}”被改名为“{name}”：请改回“{sheet}”后再导入",
                             "The sheet “{sheet}” was renamed “{name}”: rename it back to "
                             "“{sheet}” and import again"),
    "return.copy_differs": ("工作表“{name}”是“{sheet}”的副本，内容与原表不同（自本格起），未导入："
                            "请把填报内容写在“{sheet}”中、删除副本后再导入",
                            "The sheet “{name}” is a copy of “{sheet}” and differs from it "
                            "(from this cell on); nothing was imported: write the answers in "
                            "“{sheet}”, delete the copy and import again"),
    "return.copy_same": ("工作表“{name}”是“{sheet}”的副本，内容相同，未读取",
                         "The sheet “{name}” is an identical copy of “{sheet}”; it was not read"),
    "return.sheet_missing": ("缺少工作表“{sheet}”（被改名或删除）",
                             "The sheet “{sheet}” is missing (renamed or deleted)"),
    "return.not_exchange_format": ("不是 PlanDesk 交换工作簿的格式", "Not a PlanDesk exchange workbook"),
    "return.format_old": ("旧版交换格式（第 {version} 版），请用本程序重新导出后再填报",
                          "An old exchange format (version {version}); export it again to be filled in"),
    "return.format_new": ("由更新版本的 PlanDesk 导出（第 {version} 版），请升级后再导入",
                          "Exported by a newer PlanDesk (format {version}); upgrade to import it"),
    "return.other_workspace": ("该工作簿是从另一个工作区导出的（计划“{plan}”），不能导入本工作区",
                               "This workbook was exported from another workspace (plan “{plan}”)"),
    "return.no_plan": ("本工作区中没有计划“{plan}”（可能已删除）",
                       "This workspace has no plan “{plan}” (it may have been deleted)"),
    "return.other_plan": ("该工作簿属于计划“{plan}”，不是“{expected}”",
                          "This workbook belongs to the plan “{plan}”, not “{expected}”"),
    "return.other_round": ("该工作簿属于报送轮次“{round}”，不是“{expected}”",
                           "This workbook belongs to the round “{round}”, not “{expected}”"),
    "return.checksum_changed": ("隐藏的校验信息被改动，无法确认发出时的内容",
                                "The hidden check data was changed; what was sent cannot be proven"),
    "return.checksum_mismatch": ("与本工作区的发出记录不一致，工作簿疑似被改动",
                                 "It does not match this workspace's record of the export; the "
                                 "workbook seems altered"),
    "return.no_department": ("本工作区中没有部门“{department}”（可能已删除）",
                             "This workspace has no department “{department}” (it may have been deleted)"),
    "return.columns_damaged": ("隐藏的列信息已损坏，无法按列核对",
                               "The hidden column data is damaged; the columns cannot be checked"),
    "return.rows_above_header": ("表头上方增删了 {n} 行", "{n} rows were added or removed above the header"),
    "row.deleted": ("第 {row} 行（{task}）被删除，请用发出的原表填写",
                    "Row {row} ({task}) was deleted; fill in the workbook as sent"),
    "row.added": ("新增的行（没有任务编码）：填报表不能新增任务，请删除该行",
                  "An added row (no task key): the return cannot add tasks; delete the row"),
    "row.key_erased": ("本行（{task}）隐藏的任务编码被清除，无法确认内容属于该任务：请用发出的原表填写",
                       "The hidden task key of this row ({task}) was cleared; its answers cannot be "
                       "tied to the task: fill in the workbook as sent"),
    "row.key_changed": ("任务编码不是发出时的编码（行被复制或编码被改动）",
                        "The task key is not one that was sent (a row copied or its key changed)"),
    "row.copied": ("与第 {row} 行是同一任务（行被复制）", "The same task as row {row} (a row was copied)"),
    "row.task_deleted": ("该任务已在本工作区删除，本行不导入",
                         "The task was deleted in this workspace; the row is not imported"),
    "row.not_theirs": ("该行不是本单位填报的任务，填写的内容不导入",
                       "This row is not the department's to report on; what was written is not imported"),
    "row.locked_cell_changed": ("锁定的单元格“{column}”被改动：原为“{was}”，现为“{now}”",
                                "The locked cell “{column}” was changed from “{was}” to “{now}”"),
    "row.locked_changed": ("锁定的单元格被改动（与发出时的内容不一致）",
                           "Locked cells were changed (they differ from what was sent)"),
    "cell.formula": ("单元格中填写了公式（{formula}），请直接填写文字或数字",
                     "The cell holds a formula ({formula}); write text or a number instead"),
    "cell.error_value": ("单元格中是错误值 {value}", "The cell holds the error value {value}"),
    "check.done_below_100": ("完成状态为“已完成”，但完成百分比为 {percent}",
                             "The status is done but the percentage is {percent}"),
    "check.full_not_done": ("完成百分比为 100，但完成状态不是“已完成”",
                            "The percentage is 100 but the status is not done"),
    "check.not_started_with_percent": ("完成状态为“未启动”，但完成百分比为 {percent}",
                                       "The status is not started but the percentage is {percent}"),
}
