"""CLI commands for the tracker stage (registered on reviewmine.cli.app)."""
