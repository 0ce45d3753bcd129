"""CLI commands for the search stage (registered on reviewmine.cli.app)."""
