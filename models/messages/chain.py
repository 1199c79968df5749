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
}
