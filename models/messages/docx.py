"""Messages of the docx area (codes are "docx.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
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
