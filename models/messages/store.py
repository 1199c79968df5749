"""Messages of the store area (codes are "store.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
