"""Showing prompts with questionary: the only module that imports it.

questionary (and prompt_toolkit under it) is imported inside the methods, so
commands that never prompt never pay for it. ``unsafe_ask`` is used rather than
``ask``: ``ask`` swallows Ctrl-C and returns None, and the CLI needs the
interrupt to exit with 130 and write nothing.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from fwchoice.decide.questionnaire import PromptSpec, ReviewItem
from fwchoice.sanitize import visible

DONE = "\0done"


class QuestionaryPrompter:
    """Real prompts on the terminal; drawn on stderr when stdout is redirected."""

    def __init__(self, *, output: TextIO | None = None, input: Any = None) -> None:
        self._output_stream = output
        self._input = input

    def _io(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if self._input is not None:
            kwargs["input"] = self._input
        if self._output_stream is not None:
            from prompt_toolkit.output import create_output

            kwargs["output"] = create_output(stdout=self._output_stream)
        return kwargs

    def ask(self, spec: PromptSpec) -> str | list[str]:
        import questionary

        number, total = spec.position
        message = f"[{number}/{total}] {visible(spec.message)}"
        if spec.kind == "checkbox":
            choices = [
                questionary.Choice(
                    visible(c.title),
                    value=c.value,
                    checked=c.checked,
                    description=visible(c.description) or None,
                )
                for c in spec.choices
            ]
            question = questionary.checkbox(
                message,
                choices=choices,
                instruction=_instruction(spec.help, "space selects, enter confirms"),
                **self._io(),
            )
            return list(_answer(question))
        choices = [
            questionary.Choice(
                visible(c.title), value=c.value, description=visible(c.description) or None
            )
            for c in spec.choices
        ]
        question = questionary.select(
            message,
            choices=choices,
            default=spec.default,
            instruction=_instruction(spec.help, None),
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
                f"{visible(item.text)}  →  {visible(item.answer)}"
                + (f"   [{visible(item.note)}]" if item.note else ""),
                value=item.question_id,
            )
            for item in items
        ]
        question = questionary.select(
            "Review your answers",
            choices=choices,
            default=DONE,
            instruction="(enter goes on; pick an answer to change it)",
            **self._io(),
        )
        value = _answer(question)
        return None if value == DONE else str(value)

    def offer_early_finish(self, skipped: int) -> bool:
        import questionary

        plural = "s" if skipped != 1 else ""
        question = questionary.select(
            f"No answer to the remaining {skipped} question{plural} can change the winner. "
            "Show the result now?",
            choices=[
                questionary.Choice("Yes, show the result", value="stop"),
                questionary.Choice("No, keep answering", value="go"),
            ],
            default="stop",
            **self._io(),
        )
        return bool(_answer(question) == "stop")


def _instruction(help_text: str, keys: str | None) -> str | None:
    """The hint after the question: the file's help if any, else the keys to use."""
    if help_text:
        return f"({visible(help_text).rstrip('.')})"
    return f"({keys})" if keys else None


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
