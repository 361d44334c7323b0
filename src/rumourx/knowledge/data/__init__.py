"""Data files: clubs.json, outlets.json, people.json."""
