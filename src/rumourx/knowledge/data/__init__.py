"""Data files: clubs.json, outlets.json, people.json and the cue tables in cues/."""
