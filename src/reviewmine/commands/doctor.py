"""CLI commands for the doctor stage (registered on reviewmine.cli.app)."""
