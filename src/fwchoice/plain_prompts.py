"""Accessible prompts: numbered plain lines, answered by typing (``--accessible``).

Screen readers follow a terminal line by line; arrow-key menus redraw in place,
which they read badly or not at all. This prompter only ever writes whole lines
and reads one line of input at a time: no cursor movement, no redraws, no
colour. A choice is answered by its number, its id or its label; ``?`` shows
the help; ``0`` (or ``unsure``) is Not sure; Enter keeps the default. Ctrl-C or
the end of input aborts, exactly as the arrow-key prompts do.
"""

from __future__ import annotations

import sys
from typing import TextIO

from fwchoice.decide.questionnaire import (
    UNSURE_VALUE,
    PromptChoice,
    PromptSpec,
    ReviewItem,
    progress_text,
)
from fwchoice.sanitize import visible

NOT_SURE_WORDS = ("0", "unsure", "not sure", "?0")
NONE_WORDS = ("none", "nothing")


class PlainPrompter:
    """Questions as numbered lines on ``output``, answers as lines from ``input``."""

    def __init__(self, *, output: TextIO | None = None, input: TextIO | None = None) -> None:
        self._output = output
        self._input = input

    # --- the three things a questionnaire asks -------------------------------------

    def ask(self, spec: PromptSpec) -> str | list[str]:
        choices = [c for c in spec.choices if c.value != UNSURE_VALUE]
        multiple = spec.kind == "checkbox"
        self._say("")
        self._say(f"Question {progress_text(spec.progress)}: {visible(spec.message)}")
        if spec.progress.because:
            self._say(f"Asked because {visible(spec.progress.because)}.")
        for i, choice in enumerate(choices, 1):
            marks = []
            if (multiple and choice.checked) or (not multiple and choice.value == spec.default):
                marks.append("selected" if multiple else "default")
            suffix = f" ({', '.join(marks)})" if marks else ""
            self._say(f"  {i}. {visible(_label(choice))}{suffix}")
        self._say("  0. Not sure")
        if multiple:
            how = (
                "Type the numbers of all that apply, separated by commas, or none; "
                "0 for not sure; ? for help; Enter keeps what is selected."
            )
        else:
            how = "Type a number or a choice; 0 for not sure; ? for help; Enter keeps the default."
        while True:
            reply = self._read(how)
            if reply == "?":
                self._help(spec, choices)
                continue
            answer = _parse(reply, spec, choices)
            if isinstance(answer, _Problem):
                self._say(answer.message)
                continue
            return answer

    def review(self, items: list[ReviewItem]) -> str | None:
        self._say("")
        self._say("Your answers:")
        for i, item in enumerate(items, 1):
            note = f" [{visible(item.note)}]" if item.note else ""
            self._say(f"  {i}. {visible(item.text)} {visible(item.answer)}{note}")
        while True:
            reply = self._read(
                "Press Enter to see the recommendation, or type a number to change that answer."
            )
            if not reply:
                return None
            if reply.isdigit() and 1 <= int(reply) <= len(items):
                return items[int(reply) - 1].question_id
            self._say(f"Type a number from 1 to {len(items)}, or press Enter to go on.")

    def offer_early_finish(self, skipped: int, leader: str) -> bool:
        remaining = (
            "the remaining question" if skipped == 1 else f"the {skipped} remaining questions"
        )
        self._say("")
        self._say(f"{visible(leader)} comes first whatever the answers to {remaining}.")
        while True:
            reply = self._read("Show the result now? Type y or n; Enter means yes.").lower()
            if reply in ("", "y", "yes"):
                return True
            if reply in ("n", "no"):
                return False
            self._say(f"Not an answer: {reply!r}. Type y to see the result now, or n to go on.")

    # --- lines in, lines out ----------------------------------------------------------

    def _say(self, line: str) -> None:
        stream = self._output or sys.stdout
        stream.write(line + "\n")
        stream.flush()

    def _read(self, prompt: str) -> str:
        self._say(prompt)
        stream = self._output or sys.stdout
        stream.write("> ")
        stream.flush()
        try:
            line = (self._input or sys.stdin).readline()
        except KeyboardInterrupt:
            stream.write("\n")  # so "Aborted." starts a line of its own
            raise
        if not line:  # end of input (Ctrl-D): abort, as at an arrow-key prompt
            stream.write("\n")
            raise KeyboardInterrupt
        return " ".join(line.split())

    def _help(self, spec: PromptSpec, choices: list[PromptChoice]) -> None:
        self._say(visible(spec.help) or "No help for this question.")
        for i, choice in enumerate(choices, 1):
            if choice.description:
                self._say(f"  {i}. {visible(_label(choice))}: {visible(choice.description)}")
        self._say("  0. Not sure: scored over every answer above.")


class _Problem:
    def __init__(self, message: str) -> None:
        self.message = message


def _parse(reply: str, spec: PromptSpec, choices: list[PromptChoice]) -> str | list[str] | _Problem:
    """A typed reply as the value a prompt returns, or what was wrong with it."""
    multiple = spec.kind == "checkbox"
    folded = reply.casefold()
    if folded in NOT_SURE_WORDS:
        return [UNSURE_VALUE] if multiple else UNSURE_VALUE
    if not reply:
        if multiple:
            return [c.value for c in choices if c.checked]
        if spec.default is not None:
            return spec.default
        return _Problem("This question has no default: type a number, or 0 for not sure.")
    if multiple and folded in NONE_WORDS:
        return []
    parts = [p.strip() for p in reply.split(",")] if multiple else [reply]
    if multiple and len(parts) > 1 and any(p.casefold() in NOT_SURE_WORDS for p in parts):
        return _Problem("0 (not sure) goes alone: type 0 by itself, or the numbers that apply.")
    if not multiple and "," in reply and _choice(reply, choices) is None:
        return _Problem(
            f"This question takes one answer: type one number from 1 to {len(choices)}."
        )
    picked: list[str] = []
    start = 0
    while start < len(parts):
        # A label may hold commas ("User accounts, login and sessions"): the longest
        # run of parts that names a choice is taken first.
        for end in range(len(parts), start, -1):
            found = _choice(", ".join(parts[start:end]), choices)
            if found is not None:
                break
        else:
            return _Problem(
                f"Not a choice: {parts[start]!r}. Type a number from 1 to {len(choices)}"
                + (", separated by commas" if multiple else "")
                + ", or 0 for not sure."
            )
        if found not in picked:
            picked.append(found)
        start = end
    if multiple:
        return [c.value for c in choices if c.value in picked]
    return picked[0]


SHORT_WORDS = {"y": "yes", "n": "no"}
"""y and n for a yes/no question, as any terminal prompt accepts them."""


def _label(choice: PromptChoice) -> str:
    """A choice's label: a scale point's title is '3 · important', and its number is
    already the one the user types."""
    prefix = f"{choice.value} · "
    return choice.title[len(prefix) :] if choice.title.startswith(prefix) else choice.title


def _choice(text: str, choices: list[PromptChoice]) -> str | None:
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1].value
    folded = " ".join(text.split()).casefold()
    folded = (
        SHORT_WORDS.get(folded, folded) if {c.value for c in choices} == {"yes", "no"} else folded
    )
    for choice in choices:
        names = (choice.value, choice.title, _label(choice))
        if folded in (" ".join(n.split()).casefold() for n in names):
            return choice.value
    return None
