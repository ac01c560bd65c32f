"""The criteria file: its format, reading it safely, and the typed document it becomes."""
