"""Showing prompts with questionary: the only module that imports it.

questionary (and prompt_toolkit under it) is imported inside the methods, so
commands that never prompt never pay for it. ``unsafe_ask`` is used rather than
``ask``: ``ask`` swallows Ctrl-C and returns None, and the CLI needs the
interrupt to exit with 130 and write nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from fwchoice.decide.questionnaire import UNSURE_VALUE, PromptSpec, ReviewItem, progress_text
from fwchoice.prompt_lines import Fragment, fit_text, wrap_fragments
from fwchoice.sanitize import visible

DONE = "\0done"
SELECT_INDENT = 3
"""Columns before a select's choice title: ' » '."""
CHECKBOX_INDENT = 5
"""Columns before a checkbox's choice title: ' » ○ '."""
DESCRIPTION_INDENT = len("  Description: ")
"""Columns before a choice's description, as questionary draws it."""
NOT_SURE_ALONE = "Not sure goes alone; unselect the rest"


@contextmanager
def _readable_layout(kind: str) -> Iterator[None]:
    """While a questionary prompt of ``kind`` is built, adjust its layout: the
    question line is broken between words at the terminal's width (measured when
    it is drawn, so a resized terminal is followed), every window wraps instead of
    cutting a line at the edge, and a checkbox's answer is echoed as what was
    picked ("none", or the labels) instead of questionary's "done (2 selections)".

    questionary builds the layout inside ``checkbox()``/``select()`` with
    ``common.create_inquirer_layout``, which is the one seam to reach it; the
    original is restored as soon as the prompt is built.
    """
    from prompt_toolkit.application.current import get_app
    from prompt_toolkit.filters import to_filter
    from questionary.prompts import common

    module: Any = common
    original: Callable[..., Any] = module.create_inquirer_layout

    def layout(ic: Any, get_prompt_tokens: Callable[[], list[Fragment]], **kw: Any) -> Any:
        def tokens() -> list[Fragment]:
            result = get_prompt_tokens()
            if kind == "checkbox" and ic.is_answered:
                picked = [" ".join(str(c.title).split()) for c in ic.get_selected_values()]
                echo = ", ".join(picked) if picked else "none"
                result = [(style, echo if style == "class:answer" else t) for style, t in result]
            # The echoed answer is a title we broke for the list: join it again, so it
            # wraps with the question line.
            result = [
                (style, " ".join(t.split()) if style == "class:answer" else t)
                for style, t in result
            ]
            return wrap_fragments(result, _usable(get_app().output.get_size().columns))

        built = original(ic, tokens, **kw)
        # A safety net under the breaking above: a line that still does not fit
        # (a character the terminal measures otherwise) wraps rather than being cut.
        for window in built.find_all_windows():
            window.wrap_lines = to_filter(True)
        return built

    module.create_inquirer_layout = layout
    try:
        yield
    finally:
        module.create_inquirer_layout = original


class QuestionaryPrompter:
    """Real prompts on the terminal; drawn on stderr when stdout is redirected."""

    def __init__(self, *, output: TextIO | None = None, input: Any = None) -> None:
        self._output_stream = output
        self._input = input
        self._pt_output: Any = None

    def _terminal(self) -> Any:
        """prompt_toolkit's output, made once: the prompts draw on it and every
        width is measured from it, so the lines are broken for the screen they
        are drawn on (not for another stream's idea of the width)."""
        if self._pt_output is None:
            if self._output_stream is not None:
                from prompt_toolkit.output import create_output

                self._pt_output = create_output(stdout=self._output_stream)
            else:
                from prompt_toolkit.application.current import get_app_session

                self._pt_output = get_app_session().output
        return self._pt_output

    def _io(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"output": self._terminal()}
        if self._input is not None:
            kwargs["input"] = self._input
        return kwargs

    def _fit(self, title: str, indent: int) -> str:
        """A choice's title broken between words to the terminal's width, continuation
        lines indented under the title (questionary would let the terminal cut it)."""
        columns = self._terminal().get_size().columns
        return fit_text(title, _usable(columns), indent=indent)

    def ask(self, spec: PromptSpec) -> str | list[str]:
        import questionary

        message = f"[{progress_text(spec.progress)}] {visible(spec.message)}"
        because = visible(spec.progress.because)
        if spec.kind == "checkbox":
            choices = [
                questionary.Choice(
                    self._fit(visible(c.title), CHECKBOX_INDENT),
                    value=c.value,
                    checked=c.checked,
                    description=self._fit(visible(c.description), DESCRIPTION_INDENT) or None,
                )
                for c in spec.choices
            ]
            with _readable_layout("checkbox"):
                question = questionary.checkbox(
                    message,
                    choices=choices,
                    instruction=_instruction(because, spec.help, "space selects, enter confirms"),
                    validate=_not_sure_alone,
                    **self._io(),
                )
            return list(_answer(question))
        choices = [
            questionary.Choice(
                self._fit(visible(c.title), SELECT_INDENT),
                value=c.value,
                description=self._fit(visible(c.description), DESCRIPTION_INDENT) or None,
            )
            for c in spec.choices
        ]
        with _readable_layout("select"):
            question = questionary.select(
                message,
                choices=choices,
                default=spec.default,
                instruction=_instruction(because, spec.help, None),
                show_description=True,
                **self._io(),
            )
        return str(_answer(question))

    def review(self, items: list[ReviewItem]) -> str | None:
        import questionary

        choices = [questionary.Choice("These are right: show the recommendation", value=DONE)]
        choices.append(questionary.Separator("── or change an answer ──"))
        choices += [
            questionary.Choice(
                self._fit(
                    f"{visible(item.text)}  →  {visible(item.answer)}"
                    + (f"   [{visible(item.note)}]" if item.note else ""),
                    SELECT_INDENT,
                ),
                value=item.question_id,
            )
            for item in items
        ]
        with _readable_layout("select"):
            question = questionary.select(
                "Review your answers",
                choices=choices,
                default=DONE,
                instruction="(enter goes on; pick an answer to change it)",
                **self._io(),
            )
        value = _answer(question)
        return None if value == DONE else str(value)

    def offer_early_finish(self, skipped: int, leader: str) -> bool:
        import questionary

        remaining = (
            "the remaining question" if skipped == 1 else f"the {skipped} remaining questions"
        )
        with _readable_layout("select"):
            question = questionary.select(
                f"{visible(leader)} comes first whatever the answers to {remaining}. "
                "Show the result now?",
                choices=[
                    questionary.Choice("Yes, show the result", value="stop"),
                    questionary.Choice("No, keep answering", value="go"),
                ],
                default="stop",
                **self._io(),
            )
        return bool(_answer(question) == "stop")


def _usable(columns: int) -> int:
    """Cells a prompt line may fill: one less than the terminal's width, since a
    line exactly as wide as the terminal makes prompt_toolkit wrap it a cell early."""
    return max(columns - 1, 10)


def _not_sure_alone(picked: list[str]) -> bool | str:
    return UNSURE_VALUE not in picked or len(picked) == 1 or NOT_SURE_ALONE


def _instruction(because: str, help_text: str, keys: str | None) -> str | None:
    """The hint after the question: why a follow-up is asked, then the file's help if
    any, else the keys to use."""
    parts = [f"asked because {because}"] if because else []
    if help_text:
        parts.append(visible(help_text).rstrip("."))
    elif keys and not parts:
        parts.append(keys)
    return f"({'. '.join(parts)})" if parts else None


def _answer(question: Any) -> Any:
    """Ask; an interrupt or closed input aborts the whole questionnaire."""
    try:
        value = question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None
    if value is None:  # questionary returns None when the prompt is cancelled
        raise KeyboardInterrupt
    return value


def prompt_stream() -> TextIO | None:
    """Where prompts are drawn: stdout, unless it is redirected and stderr is a terminal."""
    if sys.stdout is not None and sys.stdout.isatty():
        return None
    if sys.stderr is not None and sys.stderr.isatty():
        return sys.stderr
    return None
