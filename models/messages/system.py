"""Messages about the machine: the version and the optional parts found (codes "system.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
    "version": ("PlanDesk 规划台账 {version}", "PlanDesk {version}"),
    "found": ("已找到 {part}（{detail}）：{enables}", "found {part} ({detail}): {enables}"),
    "found_short": ("已找到 {part}：{enables}", "found {part}: {enables}"),
    "missing": ("未找到 {part}：不能使用{enables}", "{part} not found: unavailable: {enables}"),
    "part_libreoffice": ("办公软件 LibreOffice", "LibreOffice"),
    "part_ocr": ("文字识别组件（OCR）", "the text recognition extra (OCR)"),
    "enables_libreoffice": ("PDF 预览和打印预览、.doc/.wps/.xls/.et 文件的完整转换、版记偶数页排版",
                            "PDF and print preview, full conversion of .doc/.wps/.xls/.et files, "
                            "the colophon on an even page"),
    "enables_ocr": ("扫描件（图片型 PDF、图片）的文字识别",
                    "recognising the text of scans (image PDFs, pictures)"),
}
