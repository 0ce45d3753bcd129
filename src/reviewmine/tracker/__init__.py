"""Action trackers: import, links to items, overrides, review references."""
