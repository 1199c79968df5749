"""Messages of the container area: reading .doc/.wps/PDF/scans/old workbooks (codes "container.<name>").

Each refusal says what the file is, why it cannot be read, and what the clerk can do.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "folder": ("{file}：这是一个文件夹，不是文件。",
               "{file}: this is a folder, not a file."),
    "empty": ("{file}：文件是空的，没有可导入的内容。",
              "{file}: the file is empty; there is nothing to import."),
    "no_text": ("{file}：文档中没有文字，没有可导入的内容。",
                "{file}: the document has no text; there is nothing to import."),
    "too_large": ("{file}：文件过大（{size} MB），计划文件不应超过 {limit} MB，未读取。",
                  "{file}: the file is too large ({size} MB); a plan file is at most {limit} MB."),
    "too_much_text": ("{file}：文字超过 {limit} MB，不像一份计划，未导入。",
                      "{file}: more than {limit} MB of text; this is not a plan."),
    "too_many_paragraphs": ("{file}：段落过多（超过 {limit} 段），不像一份计划，未导入。",
                            "{file}: too many paragraphs (more than {limit}); this is not a plan."),
    "binary": ("{file}：这是二进制文件，不是计划文本。",
               "{file}: this is a binary file, not a plan text."),
    "not_text": ("{file}：无法作为文本读取（既不是 UTF-8、GB18030/GBK，也不是 UTF-16 编码）。"
                 "请在记事本或 WPS 中另存为 UTF-8 文本后再导入。",
                 "{file}: cannot be read as text (neither UTF-8, GB18030/GBK nor UTF-16). "
                 "Save it as UTF-8 text and import it again."),
    "rtf": ("{file}：这是 RTF 文档，请在 Word 或 WPS 中另存为 .docx 后再导入。",
            "{file}: this is an RTF document; save it as .docx in Word or WPS and import that."),
    "archive": ("{file}：这是压缩包（{kind}），不是计划文档。请先解压，再导入其中的文件。",
                "{file}: this is an archive ({kind}), not a plan document. Unpack it and import the files inside."),
    "zip_not_document": ("{file}：这是压缩包，既不是 Word 文档（.docx）也不是 Excel 工作簿（.xlsx）。",
                         "{file}: this is a zip archive, neither a Word document (.docx) nor an Excel workbook (.xlsx)."),
    "zip_damaged": ("{file}：文件已损坏或不完整，无法解压{part}。请向发文单位重新索取，"
                    "或在 Word/WPS 中打开后另存一份再导入。",
                    "{file}: the file is damaged or incomplete and cannot be unpacked{part}. Ask the sender "
                    "for it again, or open it in Word/WPS and save a new copy."),
    "zip_encrypted": ("{file}：文件已加密（有密码），请先在 Word/WPS/Excel 中取消密码再导入。",
                      "{file}: the file is password-protected; remove the password in Word/WPS/Excel first."),
    "zip_entries": ("{file}：压缩包内文件过多（{count} 个），疑似异常文件，未读取。",
                    "{file}: too many parts in the archive ({count}); the file is refused."),
    "zip_unpacked_too_large": ("{file}：解压后过大（{size} MB，上限 {limit} MB），疑似“压缩炸弹”，未读取。",
                               "{file}: too large once unpacked ({size} MB, limit {limit} MB); "
                               "looks like a zip bomb and is refused."),
    "zip_ratio": ("{file}：其中的 {part} 压缩比异常（疑似“压缩炸弹”），未读取。",
                  "{file}: {part} is compressed abnormally (looks like a zip bomb); the file is refused."),
    "xml_entities": ("{file}：其中的 {part} 含有 XML 实体声明（疑似“XML 炸弹”），未读取。",
                     "{file}: {part} declares XML entities (looks like an XML bomb); the file is refused."),
    "docx_unreadable": ("{file}：Word 文档无法读取（{reason}）。请在 Word/WPS 中打开后另存为 .docx 再导入。",
                        "{file}: the Word document cannot be read ({reason}). Open it in Word/WPS and save it "
                        "as .docx again."),
    "sheet_too_large": ("{file}：工作表“{sheet}”的范围异常（{ref}，上限 {rows} 行、{cols} 列），疑似异常文件，未读取。",
                        "{file}: sheet \"{sheet}\" has an abnormal extent ({ref}; the limit is {rows} rows and "
                        "{cols} columns); the file is refused."),
    "ole_encrypted": ("{file}：文档已加密（有打开密码），请先在 Word/WPS 中取消密码再导入。",
                      "{file}: the document is password-protected; remove the password in Word/WPS first."),
    "ole_damaged": ("{file}：旧版 Office 文件已损坏，无法读取（{reason}）。请在 Word/WPS 中打开后另存为 .docx 再导入。",
                    "{file}: the old Office file is damaged ({reason}). Open it in Word/WPS and save it as .docx."),
    "ole_unknown": ("{file}：这是旧版 Office 文件，但既不是 Word 文档也不是 Excel 工作簿，无法导入。",
                    "{file}: an old Office file that is neither a Word document nor an Excel workbook."),
    "powerpoint": ("{file}：这是 PowerPoint 演示文稿，不是计划文档。",
                   "{file}: this is a PowerPoint presentation, not a plan document."),
    "doc_damaged": ("{file}：旧版 Word 文档（.doc/.wps）无法读取文字（{reason}）。"
                    "请在 Word/WPS 中打开后另存为 .docx 再导入。",
                    "{file}: the text of the old Word document (.doc/.wps) cannot be read ({reason}). "
                    "Open it in Word/WPS and save it as .docx."),
    "doc_read_natively": ("未找到 LibreOffice：已直接读取旧版 Word 文档中的文字，Word 自动编号和表格可能不完整；"
                          "安装 LibreOffice 后重新导入可完整读取。",
                          "LibreOffice was not found: the text of the old Word document was read directly; "
                          "automatic numbering and tables may be incomplete. Install LibreOffice and import "
                          "again for a full reading."),
    "libreoffice_failed": ("LibreOffice 转换 {file} 未成功（{reason}），已改为直接读取文字。",
                           "LibreOffice could not convert {file} ({reason}); its text was read directly."),
    "libreoffice_timeout": ("超时 {seconds} 秒", "timed out after {seconds} s"),
    "libreoffice_error": ("退出码 {code}", "exit status {code}"),
    "xls_unreadable": ("{file}：旧版工作簿（.xls/.et）无法读取（{reason}）。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。",
                       "{file}: the old workbook (.xls/.et) cannot be read ({reason}). Save it as .xlsx in "
                       "Excel or WPS."),
    "xls_no_reader": ("{file}：这是旧版工作簿（.xls/.et），需要 LibreOffice 才能读取。"
                      "请安装 LibreOffice，或在 Excel/WPS 中另存为 .xlsx 后再导入。",
                      "{file}: an old workbook (.xls/.et) needs LibreOffice to be read. Install LibreOffice "
                      "or save it as .xlsx in Excel/WPS."),
    "pdf_damaged": ("{file}：PDF 文件已损坏或无法打开（{reason}）。请向发文单位重新索取。",
                    "{file}: the PDF is damaged or cannot be opened ({reason}). Ask the sender for it again."),
    "pdf_encrypted": ("{file}：PDF 文件有打开密码，请先取消密码再导入。",
                      "{file}: the PDF is password-protected; remove the password first."),
    "pdf_too_many_pages": ("{file}：PDF 页数过多（{pages} 页，上限 {limit} 页），不像一份计划，未导入。",
                           "{file}: the PDF has too many pages ({pages}, limit {limit}); this is not a plan."),
    "scan_no_ocr": ("{file}：这是扫描件（{pages} 页图片，没有文字层），不能直接读取文字。"
                    "安装离线文字识别（OCR）组件后可以识别：{command}；"
                    "也可以向发文单位索取 Word 版本。",
                    "{file}: this is a scan ({pages} image pages, no text layer) and has no text to read. "
                    "Install the offline text recognition (OCR) extra to read it: {command}; or ask the sender "
                    "for the Word version."),
    "image_no_ocr": ("{file}：这是图片，不能直接读取文字。安装离线文字识别（OCR）组件后可以识别：{command}；"
                     "也可以向发文单位索取 Word 版本。",
                     "{file}: this is an image and has no text to read. Install the offline text recognition "
                     "(OCR) extra to read it: {command}; or ask the sender for the Word version."),
    "image_unreadable": ("{file}：图片无法打开（{reason}）。",
                         "{file}: the image cannot be opened ({reason})."),
    "ocr_empty": ("{file}：扫描件中没有识别出文字。请向发文单位索取 Word 版本。",
                  "{file}: no text was recognised in the scan. Ask the sender for the Word version."),
    "ocr_failed": ("{file}：文字识别（OCR）失败（{reason}）。",
                   "{file}: text recognition (OCR) failed ({reason})."),
    "ocr_note": ("文字由扫描件识别（OCR）得出，共 {pages} 页，请对照原件核对部门名称和数字。",
                 "The text was recognised from a scan (OCR, {pages} pages); check department names and "
                 "numbers against the original."),
    "scan_pages_skipped": ("第 {pages} 页是扫描图片，没有文字层，未读取；安装离线文字识别（OCR）组件后可以识别：{command}。",
                           "Pages {pages} are scanned images without text and were not read; install the offline "
                           "text recognition (OCR) extra to read them: {command}."),
    "scan_too_many_pages": ("{file}：扫描件页数过多（{pages} 页，上限 {limit} 页），未识别。",
                            "{file}: the scan has too many pages ({pages}, limit {limit}); not recognised."),
    "returned_workbook": ("{file}：这是 PlanDesk 交换工作簿（部门填报后交回的），不是新计划。"
                          "请用“交换”中的导入回执导入：{command}",
                          "{file}: this is a PlanDesk exchange workbook returned by a department, not a new "
                          "plan. Import it as a return: {command}"),
    "warnings_capped": ("另有 {count} 条提示未列出（共 {total} 条）。",
                        "{count} more notes not listed ({total} in all)."),
}
