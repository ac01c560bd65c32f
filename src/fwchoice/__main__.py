"""Allow ``python -m fwchoice``."""

from fwchoice.cli import main

if __name__ == "__main__":
    main()
