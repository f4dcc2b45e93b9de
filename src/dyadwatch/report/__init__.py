"""Reports built from fused events: the chronology (and, later, the index and the audit)."""
