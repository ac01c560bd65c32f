"""The ``fwchoice`` command (and ``python -m fwchoice``).

The console script imports only this module and the package's two-line
``__init__`` before ``main()`` runs, so that Ctrl-C during the tenth of a second
the CLI framework takes to import is caught here: the user sees "Aborted." and
exit status 130, never a KeyboardInterrupt traceback. (A signal that arrives
while the interpreter itself is starting, before any of fwchoice runs, is the
interpreter's to handle.)
"""

import sys


def main() -> None:
    try:
        from fwchoice.cli import main as run_cli

        run_cli()
    except KeyboardInterrupt:
        try:
            sys.stderr.write("fwchoice: Aborted.\n")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass
        sys.exit(130)


if __name__ == "__main__":
    main()
