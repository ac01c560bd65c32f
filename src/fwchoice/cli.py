"""The command line: a thin Typer layer over ``fwchoice.commands``.

Each command only declares its options and hands plain values to a function in
``fwchoice.commands``, imported when the command runs so that start-up pays
only for what the command uses. One error boundary (``FwchoiceGroup.main``)
maps every outcome to an exit code: 0 success, 1 problems found or invalid
data, 2 usage error, 130 interrupted. A user mistake is one line on stderr,
never a traceback.
"""

import os
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from enum import Enum
from typing import Annotated, Any

import typer
from typer._types import TyperChoice  # typer is pinned to 0.28.x (pyproject)
from typer.core import TyperGroup

from fwchoice import __version__
from fwchoice.errors import EXIT_ABORTED, EXIT_USAGE, FwchoiceError

# Each command lives in its own one-command Typer app and is turned into a click
# command only when it is invoked (or listed by --help): building every
# command's parameters on every run would cost each run a few milliseconds.
SUBCOMMANDS: dict[str, typer.Typer] = {}
CONTEXT = {"help_option_names": ["-h", "--help"]}


class LazyCommands(MutableMapping[str, Any]):
    def __init__(self, apps: dict[str, typer.Typer]) -> None:
        self._apps = apps
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = typer.main.get_command(self._apps[name])
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._built.pop(name, None)
        self._apps.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._apps, *self._built]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._apps, *self._built]))


class FormatChoice(TyperChoice[str]):
    """A command's ``--format`` choices: the names in its module's ``FORMATS`` table (name
    to renderer), read when the option is parsed, completed or shown, so that start-up
    imports no command and the formats are declared in one place."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.case_sensitive = True

    @property
    def choices(self) -> Sequence[str]:
        from importlib import import_module

        return tuple(import_module(self.module).FORMATS)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        raise AttributeError("a command's formats are its FORMATS table")


def formats(command: str) -> FormatChoice:
    return FormatChoice(f"fwchoice.commands.{command}")


def command(name: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a subcommand (like ``app.command``), built only when used."""
    sub = typer.Typer(
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings=CONTEXT,
    )
    SUBCOMMANDS[name] = sub
    return sub.command(name=name, **kwargs)


class FwchoiceGroup(TyperGroup):
    """The one error boundary: exceptions in, exit codes and one-line messages out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(SUBCOMMANDS)

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Any, prog_name: str | None, complete_var: str | None, **extra: Any) -> int:
        from fwchoice import console, inputs

        inputs.forget()  # one run's inputs (tests run many in one process)
        try:
            result = super().main(
                args=args,
                prog_name=prog_name or "fwchoice",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except FwchoiceError as error:
            if isinstance(error, (console.OutputClosed, console.OutputFailed)):
                console.silence_stdout()
            if str(error):
                console.error_line(str(error))
            if error.exit_code == EXIT_ABORTED and not str(error):
                console.error_line("Aborted.")
            return error.exit_code
        except typer.TyperException as error:  # click's UsageError and friends
            console.error_line(_usage_message(error))
            return int(getattr(error, "exit_code", EXIT_USAGE))
        except (typer.Abort, KeyboardInterrupt, EOFError):
            console.error_line("Aborted.")
            return EXIT_ABORTED
        except BrokenPipeError:
            console.silence_stdout()
            return 0
        except OSError as error:
            environment = _environment_problem(error)
            if environment:
                # A path the system refused: a deleted current directory, a folder
                # that cannot be searched, a name too long. The user's to fix: exit 2.
                console.error_line(environment)
                return EXIT_USAGE
            # Our own file handling reports its errors; what is left is the help or
            # version text failing to reach stdout (``fwchoice --help > /dev/full``).
            console.silence_stdout()
            failure = console.output_failed(error)
            console.error_line(str(failure))
            return failure.exit_code
        if result == EXIT_ABORTED:  # Typer turns Ctrl-C outside a prompt into Exit(130)
            console.error_line("Aborted.")
        return result if isinstance(result, int) else 0


def _environment_problem(error: OSError) -> str | None:
    """One line naming the path the system refused, or None for an output failure."""
    import errno

    from fwchoice.sanitize import quote

    reason = (error.strerror or str(error)).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    if error.filename is not None:
        path = os.fsdecode(error.filename)
        hint = {
            errno.EACCES: "check its permissions (a folder must be searchable)",
            errno.ENAMETOOLONG: "give a shorter path",
            errno.ENOENT: "check the path",
            errno.ELOOP: "check the symbolic links on the path",
        }.get(error.errno or 0, "check the path")
        return f"cannot use {quote(path, 80)}: {reason}; {hint}"
    try:
        os.getcwd()
    except OSError:
        return (
            "the current directory no longer exists (was it deleted?); cd to an existing "
            "folder and run fwchoice again"
        )
    if error.errno in (errno.EACCES, errno.ENAMETOOLONG, errno.ELOOP):
        return f"a path cannot be used: {reason}; check the paths given"
    return None


def _usage_message(error: typer.TyperException) -> str:
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "fwchoice"
    message = error.format_message().rstrip(".")
    return f"{message} (see '{command} --help')"


def _use_fwchoice_bash_script() -> None:
    """Make --show-completion, --install-completion and source_bash emit our script.

    Typer keeps its bash script in two private places: the table the two options
    read and the class ``_FWCHOICE_COMPLETE=source_bash`` uses. Typer is pinned
    below 0.29, and tests check that the script really changes.
    """
    from typer import _completion_classes, _completion_shared

    from fwchoice.completion import BASH_SCRIPT

    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT
    _completion_classes.BashComplete.source_template = BASH_SCRIPT


_use_fwchoice_bash_script()

app = typer.Typer(
    cls=FwchoiceGroup,
    name="fwchoice",
    help="Choose a Python web framework with a weighted, explained recommendation.",
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
    rich_markup_mode="rich",
)

CriteriaOption = Annotated[
    str | None,
    typer.Option(
        "--criteria",
        metavar="PATH",
        help="Criteria file to use (default: $FWCHOICE_CRITERIA, ./criteria.yaml, "
        "else the built-in file).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        from fwchoice import console

        console.write(f"fwchoice {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def overview(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Choose a Python web framework with a weighted, explained recommendation.

    Everything comes from a criteria file: the built-in one, ./criteria.yaml,
    or --criteria PATH.
    """
    if ctx.invoked_subcommand is None:
        from fwchoice.commands.overview import run

        raise typer.Exit(run())


@command(
    "lint",
    epilog="Examples:\n\n"
    "  fwchoice lint criteria.yaml\n\n"
    "  fwchoice lint --format github criteria.yaml\n\n"
    "  fwchoice lint --explain FWC104",
)
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Criteria files (default: the file other commands would use).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", click_type=formats("lint"), help="Output format.")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="CODE", help="Explain a diagnostic code and exit."),
    ] = None,
    max_age: Annotated[
        int,
        typer.Option(
            "--max-age", metavar="DAYS", help="Warn about notes checked longer ago than this."
        ),
    ] = 365,
    today: Annotated[
        str | None,
        typer.Option("--today", metavar="YYYY-MM-DD", help="The date note ages are counted from."),
    ] = None,
    criteria: CriteriaOption = None,
) -> None:
    """Check criteria files: every problem, located by line and column.

    Exit status: 0 clean, 1 problems found, 2 usage error.
    """
    from fwchoice.commands import lint as command

    if explain:
        raise typer.Exit(command.explain(explain))
    raise typer.Exit(
        command.run(
            paths or [],
            criteria=criteria,
            output_format=output_format,
            strict=strict,
            quiet=quiet,
            max_age=max_age,
            today=today,
        )
    )


@command(
    "schema",
    epilog="Examples:\n\n"
    "  fwchoice schema > criteria.schema.json\n\n"
    "  fwchoice schema --output schema/criteria.schema.json --force",
)
def schema(
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Print the criteria file format as JSON Schema (draft 2020-12), for editors and CI."""
    from fwchoice.commands import schema as command

    raise typer.Exit(command.run(output, force=force))


SECTION_NAMES = ("matrix", "features", "benchmarks", "use-cases", "all")


def _complete_section(incomplete: str) -> list[str]:
    return [name for name in SECTION_NAMES if name.startswith(incomplete)]


NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="No colour even on a terminal (NO_COLOR works too).")
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
    ),
]
ExportOption = Annotated[
    str | None,
    typer.Option(
        "--export",
        metavar="FILE",
        help="Save what the terminal shows as a picture: FILE.svg or FILE.html.",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the file written if it exists.")
]
AccessibleOption = Annotated[
    bool,
    typer.Option(
        "--accessible",
        help="For screen readers: plain numbered prompts and a report without tables, "
        "bars or colour (ACCESSIBLE=1 works too).",
    ),
]


@command(
    "matrix",
    epilog="Examples:\n\n"
    "  fwchoice matrix\n\n"
    "  fwchoice matrix --section matrix --section benchmarks\n\n"
    "  fwchoice matrix --format markdown --output comparison.md\n\n"
    "  fwchoice matrix --section matrix --export matrix.svg",
)
def matrix(
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            metavar="SECTION",
            help="matrix, features, benchmarks, use-cases or all (repeatable).",
            autocompletion=_complete_section,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", click_type=formats("matrix"), help="Output format.")
    ] = "table",
    criteria: CriteriaOption = None,
    no_color: NoColorOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    force: ForceOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Show the comparison: decision matrix, features, benchmarks and use cases."""
    from fwchoice.commands import matrix as command
    from fwchoice.console import accessible_requested

    raise typer.Exit(
        command.run(
            criteria=criteria,
            sections=section or [],
            output_format=output_format,
            no_color=no_color,
            output=output,
            force=force,
            export=export,
            accessible=accessible_requested(accessible),
        )
    )


class RatingsChoice(str, Enum):
    source = "source"
    evidence = "evidence"


class RecordStatus(str, Enum):
    proposed = "proposed"
    accepted = "accepted"


def _person_option(flag: str, help_text: str) -> Any:
    """A repeatable NAME option of the decision record's people (MADR's front matter)."""
    return typer.Option(
        flag, metavar="NAME", help=help_text, show_default=False, rich_help_panel="Decision record"
    )


def _complete_preset(ctx: typer.Context, incomplete: str) -> list[str]:
    from fwchoice.completion import preset_names

    return [name for name in preset_names(ctx) if name.startswith(incomplete)]


def _complete_set(ctx: typer.Context, incomplete: str) -> list[str]:
    from fwchoice.completion import set_values

    return [value for value in set_values(ctx, incomplete) if value.startswith(incomplete)]


@command(
    "advise",
    epilog="Examples:\n\n"
    "  fwchoice advise\n\n"
    "  fwchoice advise --preset ecommerce --format markdown --output 0001-framework.md\n\n"
    "  fwchoice advise --answers alice.yaml --answers bob.yaml\n\n"
    "  fwchoice advise --defaults --set admin=yes --set performance=5 --save-answers answers.yaml",
)
def advise(
    preset: Annotated[
        str | None,
        typer.Option(
            "--preset",
            "-p",
            metavar="NAME",
            help="Start from a named answer set (unanswered questions take their defaults).",
            autocompletion=_complete_preset,
        ),
    ] = None,
    answers: Annotated[
        list[str] | None,
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Answers file (YAML or JSON). Two or more: a team decision.",
            show_default=False,
        ),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            metavar="ID=VALUE",
            help="Answer one question (repeatable; overrides files and presets; "
            "VALUE may be 'unsure').",
            autocompletion=_complete_set,
            show_default=False,
        ),
    ] = None,
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Accept the default of every unanswered question.")
    ] = False,
    list_presets: Annotated[
        bool, typer.Option("--list-presets", help="List the presets and exit.")
    ] = False,
    save_answers: Annotated[
        str | None,
        typer.Option(
            "--save-answers",
            metavar="FILE",
            help="Save the answers (with how each was given) to replay later.",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=formats("advice_output"),
            help="rich (terminal), json, or markdown (an ADR).",
        ),
    ] = "rich",
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="Date for the Markdown record."),
    ] = None,
    ratings: Annotated[
        RatingsChoice,
        typer.Option(
            "--ratings",
            help="evidence (default): every rating at its best-supported value, the "
            "evidence's where a note shows the published one wrong or dated; source: the "
            "published comparison exactly. The report always says whether the verdict "
            "holds under the other.",
        ),
    ] = RatingsChoice.evidence,
    adr_dir: Annotated[
        str | None,
        typer.Option(
            "--adr-dir",
            metavar="DIR",
            help="File the decision record as the next one in DIR (NNNN- or YYYYMMDD- "
            "names and the layout of adr-tools, log4brains or MADR, as DIR uses them).",
            rich_help_panel="Decision record",
        ),
    ] = None,
    status: Annotated[
        RecordStatus,
        typer.Option("--status", help="The record's status.", rich_help_panel="Decision record"),
    ] = RecordStatus.proposed,
    decider: Annotated[
        list[str] | None,
        _person_option("--decider", "A decision-maker (repeatable; a team's members by default)."),
    ] = None,
    consulted: Annotated[
        list[str] | None,
        _person_option("--consulted", "Someone consulted (repeatable)."),
    ] = None,
    informed: Annotated[
        list[str] | None,
        _person_option("--informed", "Someone kept informed (repeatable)."),
    ] = None,
    supersedes: Annotated[
        str | None,
        typer.Option(
            "--supersedes",
            metavar="N",
            help="Mark record N in --adr-dir superseded by this one (both files updated).",
            rich_help_panel="Decision record",
        ),
    ] = None,
    review_by: Annotated[
        str | None,
        typer.Option(
            "--review-by",
            metavar="YYYY-MM-DD",
            help="When the decision is due for review (default: the criteria file's "
            "decision.review_after days after its date).",
            rich_help_panel="Decision record",
        ),
    ] = None,
    criteria: CriteriaOption = None,
    no_color: NoColorOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    force: ForceOption = False,
    accessible: AccessibleOption = False,
    details: Annotated[
        bool | None,
        typer.Option(
            "--details/--summary",
            help="The whole report (--details), or the summary alone (--summary). "
            "Default: on a terminal the summary, with the details one key away; "
            "in a pipe or a file, everything.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Answer a few questions; get a weighted, explained recommendation.

    Asks on a terminal; otherwise takes answers from --preset, --answers, --set
    or --defaults. Ctrl-C at any prompt aborts (exit 130) and writes nothing.

    On a terminal the report is its summary, sized to fit the screen (verdict,
    scores, reasons both ways, what would change it, how sure); then d opens the
    details in a pager ($PAGER, else less) and Enter finishes. --details prints
    them all; piped output, --output, Markdown and JSON keep everything.
    """
    from fwchoice.commands import advise as command
    from fwchoice.commands.advice_output import AdviceOutput
    from fwchoice.commands.record import RecordOptions
    from fwchoice.console import accessible_requested

    if list_presets:
        raise typer.Exit(command.list_presets(criteria))
    raise typer.Exit(
        command.run(
            criteria=criteria,
            preset=preset,
            answers_files=answers or [],
            sets=set_ or [],
            defaults=defaults,
            save_answers=save_answers,
            out=AdviceOutput(
                output_format,
                output=output,
                force=force,
                no_color=no_color,
                date=date,
                export=export,
                ratings=ratings.value,
                accessible=accessible_requested(accessible),
                details=details,
                record=RecordOptions(
                    adr_dir=adr_dir,
                    status=status.value,
                    deciders=tuple(decider or ()),
                    consulted=tuple(consulted or ()),
                    informed=tuple(informed or ()),
                    supersedes=supersedes,
                    review_by=review_by,
                ),
            ),
        )
    )


class FailOn(str, Enum):
    changed = "changed"
    moved = "moved"
    overdue = "overdue"
    never = "never"


@command(
    "review",
    epilog="Examples:\n\n"
    "  fwchoice review docs/decisions\n\n"
    "  fwchoice review --format github --fail-on changed --fail-on overdue\n\n"
    "  fwchoice review doc/adr --criteria criteria.yaml --today 2027-01-01",
)
def review(
    folders: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[DIR]...",
            help="Folders of decision records (default: .adr-dir, doc/adr, docs/decisions "
            "or docs/adr).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=formats("review"),
            help="text, json, or github annotations.",
        ),
    ] = "text",
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a record is this (repeatable; default: changed and overdue; "
            "moved includes changed; never: always exit 0).",
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", metavar="YYYY-MM-DD", help="The date review dates are checked on."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")
    ] = False,
    require_records: Annotated[
        bool,
        typer.Option(
            "--require-records",
            help="Exit 1 when there is no fwchoice record to review (by default a missing "
            "or empty folder is zero records, exit 0).",
        ),
    ] = False,
    criteria: CriteriaOption = None,
) -> None:
    """Re-check fwchoice's decision records against the current criteria file.

    Exit status: 0 all still hold (or there are no records yet), 1 a verdict changed
    or a review date passed (see --fail-on) or, with --require-records, no record,
    2 usage error.
    """
    from fwchoice.commands import review as command

    raise typer.Exit(
        command.run(
            folders or [],
            criteria=criteria,
            output_format=output_format,
            fail_on=[f.value for f in fail_on or []],
            today=today,
            quiet=quiet,
            require_records=require_records,
        )
    )


@command(
    "questions",
    epilog="Examples:\n\n"
    "  fwchoice questions\n\n"
    "  fwchoice questions --format json\n\n"
    "  fwchoice questions --criteria examples/fastapi-django-ninja.yaml",
)
def questions(
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", click_type=formats("questions"), help="text, or json for scripts."
        ),
    ] = "text",
    criteria: CriteriaOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the questions: ids, choices, defaults and when each is asked (for --set)."""
    from fwchoice.commands import questions as command

    raise typer.Exit(
        command.run(criteria=criteria, output_format=output_format, output=output, force=force)
    )


@command(
    "init",
    epilog="Examples:\n\n  fwchoice init\n\n  fwchoice init decisions/database.yaml",
)
def init(
    path: Annotated[
        str,
        typer.Argument(metavar="[PATH]", help="Where to write it (default: criteria.yaml)."),
    ] = "criteria.yaml",
    force: ForceOption = False,
) -> None:
    """Write a short, commented starter decision file that passes lint."""
    from fwchoice.commands import init as command

    raise typer.Exit(command.run(path, force=force))


# The order --help lists them in: the everyday commands first.
for _name in ("advise", "questions", "review", "matrix", "lint", "init", "schema"):
    SUBCOMMANDS[_name] = SUBCOMMANDS.pop(_name)


def main() -> None:
    """Console-script entry point."""
    app()
