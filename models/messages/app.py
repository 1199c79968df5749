"""Messages of the app area (codes are "app.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
