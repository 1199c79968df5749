"""Messages of the importer area (codes are "importer.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
