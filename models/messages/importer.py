"""Messages of the importer area (codes are "importer.<name>").

Refusals name the file (``{file}``); warnings are shown beside their line number, so they
say what was found there and what the clerk should check.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # refusals: the whole file could not be imported
    "not_text": ("{file}：内容不是文本，无法导入。", "{file}: the content is not text."),
    "too_large": ("{file}：文件过大（文本超过 20 兆字节），请拆分后再导入。",
                  "{file}: the file is too large (more than 20 MB of text); split it first."),
    "empty": ("{file}：文件是空的，没有可导入的内容。",
              "{file}: the file is empty; there is nothing to import."),
    "no_structure": ("{file}：没有找到计划的结构（既没有“一、”“（一）”这样的编号标题，也没有任务表格），"
                     "请确认这是一份计划文件。",
                     "{file}: no plan structure found (no numbered headings such as 一、 or （一）, "
                     "and no task table)."),
    "no_table_rows": ("{file}：表格中没有找到任务行，请确认表头和任务列。",
                      "{file}: no task rows found in the table; check its header and task column."),
    # numbering and structure
    "numbering": ("编号“{label}”不连续：此处应为 {expected}，请核对原文。",
                  "numbering: {label} where number {expected} was expected."),
    "annotation_before_task": ("第一项任务之前的责任单位或完成时限未导入：{text}",
                               "responsibility or deadline before any task, ignored: {text}"),
    # responsibilities
    "omitted_unit": ("{unit}：文件说明该单位参与全部任务、不再逐项列出，因此未加到每项任务上。",
                     "{unit}: the document says it takes part in every task and is not listed "
                     "again; it is not added to each task."),
    "not_a_unit": ("责任分工中的“{text}”不像单位名称，未作为部门导入，请核对。",
                   "not a unit name in a responsibility note, not imported as a department: {text}"),
    "units_unplaced": ("责任分工“{text}”未能完全识别：已导入 {units}，其余“{rest}”请核对。",
                       "responsibility note {text} only partly understood: imported {units}; "
                       "check {rest}."),
    "run_together": ("“{unit}”像是几个单位名称连写在一起，已作为一个部门导入，请核对是否需要拆分。",
                     "{unit} looks like several unit names written together; imported as one "
                     "department, check whether to split it."),
    "deadline_bad_date": ("完成时限“{text}”中的“{reason}”不是有效日期，未设定到期日，请核对原文。",
                          "deadline {text}: {reason} is not a valid date; no due date was set, "
                          "check the original."),
    # tables
    "table_roles_before_task": ("第 {row} 行：责任单位或完成时限所在行之前没有任务，未导入。",
                                "row {row}: responsibility or deadline in a row before any task, ignored."),
    "table_number_without_task": ("第 {row} 行：序号 {number} 没有任务内容。",
                                  "row {row}: row number {number} without a task text."),
    "table_role_count": ("第 {row} 行：{entries} 条责任分工对应 {tasks} 项任务，已全部分给每一项，请核对。",
                         "row {row}: {entries} responsibility entries for {tasks} tasks; all of "
                         "them were given to each, check."),
    # head and attachments
    "title_from_notice": ("没有找到方案自己的标题行，标题取自通知标题。",
                          "the plan's own title line was not found; taken from the notice title."),
    "title_from_file": ("没有找到标题行，以文件名作为标题。",
                        "no title line found; the file name is used as the title."),
    "text_before_title": ("标题前的文字无法识别，未导入：{text}",
                          "text before the plan title not understood, ignored: {text}"),
    "doc_number_brackets": ("发文字号用了“{brackets}”而不是“〔〕”，按 {fixed} 读取。",
                            "document number written with {brackets} instead of 〔〕: read as {fixed}."),
    "attachment_missing": ("附件“{title}”已列出，但文档中没有它的内容。",
                           "attachment {title} is listed but its content is not in the document."),
    "attachment_no_tasks": ("附件“{title}”中没有任务，其文字未导入为任务。",
                            "attachment {title} holds no tasks; its text was not imported as tasks."),
    "attachment_as_section": ("附件“{title}”作为单独的一部分导入。",
                              "attachment {title} was added as a section of its own."),
    "division_row_unmatched": ("第 {row} 行：分工表中的任务“{title}”（{units}）与正文任务都对不上，未导入。",
                               "row {row}: division-table task {title} ({units}) matches no task "
                               "of the plan, not imported."),
    "attachment_kept.indicators": ("附件“{title}”是指标表，不是任务清单，已作为计划的附件保存，未导入为任务。",
                         "attachment {title} is an indicator table, not a task list; kept as an attachment "
                         "of the plan, not imported as tasks."),
    "attachment_kept.catalogue": ("附件“{title}”是目录清单，不是任务清单，已作为计划的附件保存，未导入为任务。",
                         "attachment {title} is an item catalogue, not a task list; kept as an attachment "
                         "of the plan, not imported as tasks."),
    "attachment_kept.form": ("附件“{title}”是表格样式，不是任务清单，已作为计划的附件保存，未导入为任务。",
                         "attachment {title} is a form, not a task list; kept as an attachment "
                         "of the plan, not imported as tasks."),
    "attachment_kept.text": ("附件“{title}”是说明文字，不是任务清单，已作为计划的附件保存，未导入为任务。",
                         "attachment {title} is explanatory text, not a task list; kept as an attachment "
                         "of the plan, not imported as tasks."),
}
