"""Messages of the exchange area (codes are "exchange.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
