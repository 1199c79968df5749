"""Messages of the chain area (codes are "chain.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
