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
    "nothing_to_remind": ("“{round}”的各责任单位均已报送，无需催报。",
                          "Every department has reported in “{round}”; there is nobody to remind."),
    "crash_title": ("意外错误", "Unexpected error"),
    "busy": ("正在处理上一项工作，请等它完成或取消后再修改。",
             "Still working on the previous job; wait for it or cancel it before editing."),
}
