"""Messages any area may use."""

MESSAGES = {
    "text": ("{text}", "{text}"),
    "unknown": ("内部错误（{code}），请把日志文件发给维护人员。",
                "Internal error ({code}); please send the log file to the maintainers."),
    "file_not_found": ("{file}：找不到该文件，请确认路径是否正确。",
                       "{file}: the file does not exist; check the path."),
    "not_readable": ("{file}：无法读取该文件（{reason}）。",
                     "{file}: the file cannot be read ({reason})."),
    "os_error": ("{file}：文件操作未完成（{reason}）。", "{file}: the file operation failed ({reason})."),
    "disk_full": ("{file}：磁盘空间已满，未写入任何内容。请清理磁盘后重试。",
                  "{file}: the disk is full; nothing was written. Free some space and try again."),
    "read_only": ("{file}：文件或文件夹只读，无法写入。请换一个位置或取消只读属性。",
                  "{file}: the file or folder is read-only. Choose another place or make it writable."),
    "permission": ("{file}：没有访问权限。请换一个位置，或请管理员开放权限。",
                   "{file}: permission denied. Choose another place or ask for access."),
    "folder_missing": ("{folder}：文件夹不存在，请先建立该文件夹或另选位置。",
                       "{folder}: the folder does not exist; create it or choose another place."),
    "path_too_long": ("{file}：路径或文件名过长，请换一个较短的位置或名称。",
                      "{file}: the path or file name is too long; choose a shorter one."),
    "crash": ("程序出现意外错误，已记录到日志：{log}",
              "An unexpected error occurred; it was written to the log: {log}"),
}
