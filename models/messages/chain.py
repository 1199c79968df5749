"""Messages of the chain area (codes are "chain.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
    "counterpart_empty": ("对口部门：上级单位名称不能为空。",
                          "Counterpart: the higher unit's name is empty."),
    "counterpart_target": ("对口部门“{name}”：请指定本级的对口部门，或标为本级自身承担。",
                           "Counterpart “{name}”: name the local department, or mark it as the "
                           "district itself."),
    "carry_how": ("承接范围“{how}”无法识别：应为 全部、某一部分或点名本级的任务。",
                  "Unknown carry selection “{how}”: use all, section or mine."),
    "carry_empty": ("计划“{plan}”中没有任务，无可承接。",
                    "The plan “{plan}” has no tasks to carry."),
    "carry_no_section": ("请指定要承接的部分（上级计划中的一项任务或标题）。",
                         "Name the section to carry (a task or heading of the higher plan)."),
    "carry_into_self": ("不能把计划承接到它自身，请选择本级的计划或新建一个。",
                        "A plan cannot be carried into itself; choose the district's plan or "
                        "create one."),
    "template_unreadable": ("{file}：无法作为报送模板读取（{reason}）。",
                            "{file}: cannot be read as a reporting template ({reason})."),
    "template_no_header": ("{file}：工作表“{sheet}”等可见工作表的前 40 行中没有找到表头"
                           "（应有两列以上的栏目名，如 序号、重点任务、牵头单位、进展情况）。",
                           "{file}: no header row in the first 40 rows of the visible sheets (from "
                           "“{sheet}”); a header names two or more fields such as 序号, 重点任务, 进展情况."),
    "template_index": ("没有第 {index} 个报送模板（共 {count} 个）。",
                       "There is no template number {index} (there are {count})."),
    "template_missing": ("报送模板不存在：{ref}。", "No such template: {ref}."),
    "template_field": ("未知的栏目“{field}”：可填 进展情况、完成状态、完成百分比、存在问题、下一步工作计划、备注 等。",
                       "Unknown field “{field}”: use text, status, percent, problems, next_steps, "
                       "note or ignore."),
    "template_column": ("{file}：没有“{column}”这一列（请用列字母如 G，或表头文字）。",
                        "{file}: there is no column “{column}” (give its letter such as G, or its "
                        "header)."),
    "template_row": ("{file}：第 {row} 行不是表格中的数据行。",
                     "{file}: row {row} is not a data row of the table."),
    "template_no_plan": ("{file}：该模板对应的计划已删除，请重新导入模板。",
                         "{file}: the plan this template reports on was deleted; import it again."),
    "template_no_columns": ("{file}：模板中没有可填写的列（进展情况、完成状态等），请先为列指定栏目。",
                            "{file}: the template has no column to fill (progress, status …); map "
                            "a column to a field first."),
}
