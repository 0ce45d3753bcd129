"""CLI commands for the report stage (registered on reviewmine.cli.app)."""
