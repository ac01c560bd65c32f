"""fwchoice: a decision advisor for choosing a Python web framework."""

__version__ = "0.2.0"
