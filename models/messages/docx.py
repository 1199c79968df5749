"""Messages of the docx area (codes are "docx.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The notice details a clerk typed, as GB/T 9704 wants them (codes "docx.notice.<name>").
    "notice.doc_number_empty": ("发文字号为空", "The document number is empty"),
    "notice.doc_number_brackets": (
        "发文字号“{number}”的年份须用六角括号〔〕，不能用 [ ]、（ ）、【 】、［ ］等",
        "The document number “{number}” must put the year in hexagonal brackets 〔〕, not "
        "[ ], （ ）, 【 】 or ［ ］"),
    "notice.doc_number_no_year": (
        "发文字号“{number}”缺少六角括号括起的年份，应如“济槐政字〔2022〕16号”",
        "The document number “{number}” lacks the year in 〔〕, as in “济槐政字〔2022〕16号”"),
    "notice.doc_number_no_prefix": ("发文字号“{number}”缺少发文机关代字",
                                    "The document number “{number}” lacks the issuer code"),
    "notice.doc_number_short_year": ("发文字号“{number}”的年份应写全四位",
                                     "The document number “{number}” needs the full four-digit year"),
    "notice.doc_number_di": ("发文字号“{number}”的序号前不加“第”",
                             "The document number “{number}” takes no “第” before the sequence"),
    "notice.doc_number_padded": (
        "发文字号“{number}”的序号不编虚位（应为{seq}号，不是{given}号）",
        "The document number “{number}” must not be zero-padded (“{seq}号”, not “{given}号”)"),
    "notice.doc_number_no_hao": ("发文字号“{number}”的序号后应加“号”",
                                 "The document number “{number}” needs “号” after the sequence"),
    "notice.doc_number_space": ("发文字号“{number}”中不应有空格",
                                "The document number “{number}” must not contain spaces"),
    "notice.doc_number_form": (
        "发文字号“{number}”格式不对，应为“机关代字〔年份〕序号号”，如“济槐政字〔2022〕16号”",
        "The document number “{number}” is malformed; it reads code〔year〕sequence号, as in "
        "“济槐政字〔2022〕16号”"),
    "notice.notice_not_dict": ("通知信息应为“名称: 内容”的字典",
                               "The notice details must be a mapping of names to values"),
    "notice.letterhead_unknown": ("版头方式“{value}”无效，应为 {choices} 之一",
                                  "The letterhead “{value}” is unknown; use one of {choices}"),
    "notice.issuer_mark_empty": (
        "发文机关标志为空（红头须写发文机关名称，如“××区人民政府文件”）",
        "The issuer mark is empty (a red letterhead names the issuer, as in “××区人民政府文件”)"),
    "notice.title_empty": ("标题为空", "The title is empty"),
    "notice.title_punct": ("标题“{title}”末尾不加标点", "The title “{title}” takes no final punctuation"),
    "notice.addressees_half_colon": ("主送机关末尾应为全角冒号“：”，不是半角“:”",
                                     "The addressees end with a full-width colon “：”, not “:”"),
    "notice.addressees_colon": ("主送机关末尾应加全角冒号“：”",
                                "The addressees end with a full-width colon “：”"),
    "notice.attachments_not_list": ("附件说明应为附件名称的列表",
                                    "The attachments must be a list of names"),
    "notice.attachment_empty": ("附件{n}的名称为空", "Attachment {n} has no name"),
    "notice.attachment_punct": ("附件{n}“{name}”的名称后不加标点符号",
                                "Attachment {n} “{name}” takes no final punctuation"),
    "notice.signer_empty": ("发文机关署名为空", "The issuer's signature is empty"),
    "notice.date_label": ("成文日期", "The date of the document"),
    "notice.print_date_label": ("印发日期", "The printing date"),
    "notice.date_empty": ("{label}为空", "{label} is empty"),
    "notice.date_invalid": (
        "{label}“{value}”不是有效日期（应为 {form} 且确有其日，如 2022-11-22）",
        "{label} “{value}” is no valid date (it must be {form} and exist, as in 2022-11-22)"),
    "notice.print_before_date": ("印发日期早于成文日期",
                                 "The printing date is before the date of the document"),
    "notice.note_brackets": ("附注“{note}”应使用全角括号（）",
                             "The note “{note}” must use full-width brackets （）"),
    "notice.cc_needs_printer": ("有抄送机关时须填写印发机关",
                                "With copies sent to others, the printing office is required"),
    "notice.printer_needs_date": ("填写了印发机关，但印发日期为空",
                                  "A printing office is given but the printing date is empty"),
    "notice.sealed_not_bool": ("是否加盖印章（{key}）应为 {values}",
                               "Whether it is sealed ({key}) must be {values}"),
    "notice.fonts_not_dict": ("字体设置应为“角色: 字体名”的字典",
                              "The fonts must be a mapping of role to font name"),
    "notice.font_role_unknown": ("未知的字体角色“{role}”，可用：{roles}",
                                 "Unknown font role “{role}”; known: {roles}"),
    "notice.font_face_empty": ("字体角色“{role}”的字体名为空",
                               "The font role “{role}” has no font name"),
    "notice.table_column_unknown": ("未知的分工表列“{key}”，可用：{columns}",
                                    "Unknown division table column “{key}”; known: {columns}"),
    "notice.copy_number_form": ("份号“{value}”应为不超过 6 位的阿拉伯数字（如 000123）",
                                "The copy number “{value}” must be at most 6 digits (as 000123)"),
    "notice.secrecy_form": (
        "密级和保密期限“{value}”应写作“绝密”“机密”“秘密”，有保密期限时如“机密★1年”",
        "The classification “{value}” must read 绝密, 机密 or 秘密, with a period as "
        "“机密★1年”"),
    "notice.urgency_form": ("紧急程度“{value}”应为“特急”或“加急”",
                            "The urgency “{value}” must be 特急 or 加急"),
    "notice.direction_unknown": ("行文方向“{value}”无效，应为 {down}（下行文）或 {up}（上行文）",
                                 "The direction “{value}” is unknown; use {down} (to offices "
                                 "below) or {up} (to the office above)"),
    "notice.signers_missing": ("上行文须标注签发人，但未填写签发人姓名",
                               "A document to the office above needs the signers' names"),
    "notice.request_no_addressee": ("请示须写明主送机关（一个上级机关）",
                                    "A request names its addressee (one office above)"),
    "notice.request_many_addressees": (
        "请示只主送一个上级机关，“{addressees}”列了多个；其他机关可抄送",
        "A request goes to one office above; “{addressees}” names several (copy the others)"),
    "notice.request_no_contact": (
        "请示须在附注处注明联系人和联系电话（如“张三，0531-12345678”）",
        "A request gives a contact person and telephone in its note (as “张三，0531-12345678”)"),
    "notice.request_title": ("请示的标题应以“的请示”结尾",
                             "The title of a request ends with “的请示”"),
    # Rendering: what the clerk should look at before printing.
    "printer_defaulted": (
        "未填写印发机关，版记已按发文机关的办公室写作“{printer}”；如不对请修改，或选择不印版记。",
        "No printing office was given; the colophon names the issuer's office “{printer}”. "
        "Change it if wrong, or turn the colophon off."),
    "doc_number_long": (
        "发文字号“{number}”约 {width} 字宽，超过一行会折成两行；请缩短发文机关代字。",
        "The document number “{number}” is about {width} characters wide and wraps onto a "
        "second line; shorten the issuer code."),
    "addressees_long": (
        "主送机关约占 {lines} 行，首页可能排不下正文；主送机关较多时可移到版记中写作“主送：”。",
        "The addressees take about {lines} lines and may push the body text off page 1; "
        "many addressees can go into the colophon as “主送：”."),
    "empty_role_column": (
        "分工表的“{column}”一栏没有任何单位；请核对任务分工。",
        "No department is named in the “{column}” column of the division table; check the "
        "responsibilities."),
    "no_roles": (
        "分工表中没有任何牵头、配合或责任单位；请先在“责任分工”中分配单位再印发。",
        "The division table names no lead, supporting or responsible department; assign "
        "departments before issuing."),
    "signer_names_missing": (
        "上行文须标注签发人，但未填写签发人姓名。",
        "A document to the office above needs 签发人, but no signer name was given."),
    "pages_not_checked": (
        "未检查分页（已关闭分页计算）：请打印前确认署名页有正文、版记在偶数页。",
        "Pagination was not checked (turned off): before printing, make sure the signature "
        "page holds body text and the colophon is on an even page."),
    "no_libreoffice": (
        "未找到 LibreOffice，无法检查分页：请打印前确认署名页有正文、版记在偶数页。",
        "LibreOffice was not found, so pagination was not checked: make sure the signature "
        "page holds body text and the colophon is on an even page."),
    "pages_failed": (
        "无法用 LibreOffice 计算分页（{reason}），请打印前确认署名页有正文、版记在偶数页。",
        "LibreOffice could not lay the document out ({reason}); check the pagination before "
        "printing."),
    # check-docx: one line per finding, with the page.
    "check.signature_alone": (
        "第{page}页：发文机关署名和成文日期所在页没有正文，应调整行距、字距，使其与正文同处一页。",
        "Page {page}: the signature and date stand on a page without body text; tighten the "
        "spacing so that they share a page with the text."),
    "check.attachment_list_split": (
        "第{page}页：附件说明被分在第{page}页和第{next}页，应排在同一页。",
        "Page {page}: the attachment list is split across pages {page} and {next}; keep it "
        "on one page."),
    "check.colophon_alone": (
        "第{page}页：版记单独占一页，而第{prev}页（偶数页）下方尚有约 {free} 毫米空白，可与正文同页。",
        "Page {page}: the colophon takes a page of its own while even page {prev} has about "
        "{free} mm free at its foot."),
    "check.colophon_odd": (
        "第{page}页：版记在奇数页，应在最后一个偶数页（双面印刷的背面）。",
        "Page {page}: the colophon is on an odd page; it belongs on the last even page."),
    "check.colophon_not_bottom": (
        "第{page}页：版记末条分隔线距页面顶端 {y} 毫米，应与版心下边缘重合（262 毫米）。",
        "Page {page}: the colophon's last rule lies {y} mm from the top of the page; it "
        "should lie on the bottom edge of the type area (262 mm)."),
    "check.title_break": (
        "标题在“{snippet}”处断行，拆开了词语、数字或书名号、引号内的名称。",
        "The title breaks at “{snippet}”, inside a word, a number or a quoted name."),
    "check.title_rectangle": (
        "标题{lines}行等长排满，应排成梯形或菱形。",
        "The title's {lines} lines are all full and equal; it should form a trapezoid or "
        "diamond."),
    "check.row_split": (
        "第{page}页：表格中“{text}”一行被分在两页，行不应跨页断开。",
        "Page {page}: the table row “{text}” is split across two pages."),
    "check.empty_role_column": (
        "表格“{column}”一栏全部为空，请核对分工或删去该栏。",
        "The table column “{column}” is empty in every row; check the responsibilities or "
        "remove the column."),
    "check.table_too_wide": (
        "表格宽 {width} 毫米，超出版心宽度（{room} 毫米），请减少栏目或调窄各栏。",
        "The table is {width} mm wide, wider than the type area ({room} mm); remove columns or "
        "narrow them."),
    "check.colophon_missing": (
        "版记：缺少印发机关和印发日期（“……印发”），公文无法印发。",
        "Colophon: the printing office and date (“……印发”) are missing."),
    "check.doc_number_wrapped": (
        "发文字号“{number}”约 {width} 字宽，超过一行，会折成两行。",
        "The document number “{number}” is about {width} characters wide and wraps."),
    "check.signer_missing": (
        "上行文“{number}”的同一行应在右侧标注“签发人：姓名”。",
        "The document to the office above “{number}” needs “签发人：name” on the right of its "
        "line."),
    "check.pages_unavailable": (
        "未找到 LibreOffice，未检查分页（署名页、附件说明、版记位置、表格跨页）。",
        "LibreOffice was not found; the pagination checks were skipped."),
    "fonts_substituted": (
        "预览中的字体有替代：{faces}。打印效果以安装了正式字体的电脑为准。",
        "Fonts were substituted in the preview: {faces}. Print on a machine with the "
        "official fonts."),
}
