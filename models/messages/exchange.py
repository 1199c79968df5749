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
}
