"""CLI commands for the themes stage (registered on reviewmine.cli.app)."""
