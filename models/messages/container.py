"""Messages of the container area: reading .doc/.wps/PDF/scans/old workbooks (codes "container.<name>")."""

MESSAGES: dict[str, tuple[str, str]] = {
}
