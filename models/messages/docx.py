"""Messages of the docx area (codes are "docx.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
