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
    "read.inner_spaces": ("去掉了中间的空格", "Spaces inside removed"),
    "read.date": ("日期（{serial}）读作“{text}”", "The date ({serial}) read as “{text}”"),
    "read.iso_date": ("日期读作“{text}”", "The date read as “{text}”"),
    "read.number": ("数字读作“{text}”", "The number read as “{text}”"),
    "read.percent_format": ("百分比格式的 {value} 读作 {percent}%",
                            "{value} in a percent cell read as {percent}%"),
    "read.percent_text": ("完成百分比“{text}”读作 {value}", "The percentage “{text}” read as {value}"),
}
