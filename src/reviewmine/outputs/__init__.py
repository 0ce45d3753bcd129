"""Outputs: the HTML report, briefings and tabular exports."""
