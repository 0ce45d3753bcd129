"""CLI commands grouped by stage; each module registers its commands on reviewmine.cli.app."""
