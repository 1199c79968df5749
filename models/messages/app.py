"""Messages of the app area (codes are "app.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
    "bad_due_date": ("报送截止日期“{date}”不是有效日期，请按“2025-10-15”的格式填写。",
                     "The due date “{date}” is not a valid date; write it as 2025-10-15."),
    "op.set_due_date": ("设置“{round}”的报送截止日期", "Set the due date of “{round}”"),
    "op.split_department": ("拆分部门“{name}”为{parts}", "Split “{name}” into {parts}"),
    "op.new_round": ("新建报送轮次“{name}”", "New reporting round “{name}”"),
    "op.drop_empty_plan": ("删除空白计划“{title}”", "Delete the empty plan “{title}”"),
    "op.paste_tasks": ("粘贴{n}项任务“{title}”", "Paste {n} tasks “{title}”"),
    "split_needs_two": ("要拆分“{name}”，请至少填写两个部门名称，每行一个。",
                        "To split “{name}”, give at least two department names, one a line."),
    "split_keeps_name": ("拆分后的名称不能与原名称“{name}”相同。",
                         "A part cannot have the old name “{name}”."),
    "paste_not_tasks": ("剪贴板中没有可粘贴的任务。请先在任务树中选中任务并复制。",
                        "The clipboard holds no tasks; copy tasks in the tree first (Ctrl+C)."),
    "doc_number_given": ("{file}：发文字号 {number}", "{file}: document number {number}"),
    "nothing_to_remind": ("“{round}”的各责任单位均已报送，无需催报。",
                          "Every department has reported in “{round}”; there is nobody to remind."),
    "crash_title": ("意外错误", "Unexpected error"),
    "busy": ("正在处理上一项工作，请等它完成或取消后再修改。",
             "Still working on the previous job; wait for it or cancel it before editing."),
    # ---- the 备份与恢复 dialog -------------------------------------------------------
    "backup.menu": ("备份与恢复(&B)…", "&Backups and restore…"),
    "backup.title": ("备份与恢复", "Backups and restore"),
    "backup.intro": ("工作区 {file} 的备份（最新的在最上面）。导入、汇总等批量修改之前都会自动备份。",
                     "The backups of the workspace {file}, newest first. One is taken before "
                     "every bulk change such as an import or a 汇总."),
    "backup.intro_damaged": ("工作区 {file} 已损坏，无法打开。选一个备份恢复；损坏的文件会改名另存，不会删除。",
                             "The workspace {file} is damaged and cannot be opened. Choose a backup "
                             "to restore; the damaged file is renamed and kept, never deleted."),
    "backup.col_time": ("备份时间", "Taken"),
    "backup.col_reason": ("备份时机", "Taken before"),
    "backup.col_size": ("大小", "Size"),
    "backup.col_contents": ("内容", "Contents"),
    "backup.contents": ("{plans} 个计划，{tasks} 项任务", "{plans} plans, {tasks} tasks"),
    "backup.unreadable": ("（无法读取）", "(cannot be read)"),
    "backup.counting": ("正在读取…", "reading…"),
    "backup.none": ("这个工作区还没有备份。", "This workspace has no backups yet."),
    "backup.restore": ("恢复所选备份…", "Restore the chosen backup…"),
    "backup.close": ("关闭", "Close"),
    "backup.restoring": ("正在恢复备份", "Restoring a backup"),
    "backup.confirm": ("用 {time} 的备份（{reason}）替换工作区 {file} 的全部内容？"
                       "替换前会先为当前状态再做一次备份，需要时可以从这里恢复回来。",
                       "Replace everything in the workspace {file} with the backup of {time} (taken "
                       "before {reason})? The current state is backed up first, so you can restore it "
                       "from here if needed."),
    "backup.confirm_damaged": ("用 {time} 的备份（{reason}）替换已损坏的工作区 {file}？"
                               "损坏的文件会改名另存在同一文件夹中，不会删除。",
                               "Replace the damaged workspace {file} with the backup of {time} (taken "
                               "before {reason})? The damaged file is renamed and kept in the same "
                               "folder, never deleted."),
    "backup.confirm_foreign": ("{file}：这是另一个工作区的备份（{other}），不是 {workspace} 的。仍要用它替换吗？",
                               "{file}: this is a backup of another workspace ({other}), not of "
                               "{workspace}. Replace it anyway?"),
    "backup.not_restored": ("没有恢复，工作区未作改动。", "Nothing was restored; the workspace is unchanged."),
    "backup.busy": ("正在处理上一项工作，请等它完成后再恢复备份。",
                    "Still working on the previous job; wait for it before restoring a backup."),
    "backup.offer": ("从备份恢复…", "Restore from a backup…"),
    "backup.in_window": ("点“从备份恢复…”", "click “Restore from a backup…”"),
    "backup.sqlite_found": ("数据库自检发现错误", "the database's own check found errors"),
    "backup.cannot_open": ("无法打开工作区", "Cannot open the workspace"),
    "backup.reason.import": ("导入计划前", "importing a plan"),
    "backup.reason.revision": ("合并修订稿前", "merging a revision"),
    "backup.reason.carry": ("承接上级计划前", "carrying a plan from above"),
    "backup.reason.consolidate": ("汇总前", "a 汇总"),
    "backup.reason.exchange_import": ("导入回收的工作簿前", "importing returned workbooks"),
    "backup.reason.before_restore": ("恢复其他备份前", "restoring another backup"),
    "backup.reason.before_compact": ("整理工作区文件前", "compacting the workspace"),
    "backup.reason.before_upgrade": ("升级工作区结构（版本 {version}）前",
                                     "upgrading the workspace (version {version})"),
    "backup.reason.other": ("其他（{reason}）", "something else ({reason})"),
}
