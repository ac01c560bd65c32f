"""``fwchoice advise``: answers in, an explained recommendation out.

Answers merge from several sources in a fixed order (copier's model): a
preset, then answers files, then ``--set`` flags, then defaults where asked
for, then prompts for whatever is still open, but only on a terminal. Without
a terminal and with answers missing, the command stops with exit 2 and says
which flags would answer them; it never waits on a stdin that cannot reply.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fwchoice import console
from fwchoice.commands.advice_output import AdviceOutput, show
from fwchoice.commands.output import check_export_name, finish
from fwchoice.criteria.answers import (
    Answer,
    AnswerProblem,
    Answers,
    Layer,
    collect,
    complete,
    display,
    raw_value,
    unmet_conditions,
)
from fwchoice.criteria.answersfile import read_answers_file
from fwchoice.criteria.loader import LoadedCriteria, resolve_source
from fwchoice.criteria.model import Document
from fwchoice.dates import check_date
from fwchoice.errors import EXIT_OK, Aborted, UsageError
from fwchoice.hints import did_you_mean, then
from fwchoice.lint.runner import load_criteria
from fwchoice.outputs import OutputPlan
from fwchoice.sanitize import quote

if TYPE_CHECKING:  # rich is imported only when the terminal view is shown
    from rich.console import Console, RenderableType

    from fwchoice.decide.report import AdviceReport
    from fwchoice.decide.scoring import Evaluation
    from fwchoice.render.terminal import TerminalStyle


DETAILS_HINT = "The details: run again with --details (--format markdown for the record)."


def stdin_is_interactive() -> bool:
    """Whether prompts can be answered (a seam tests replace to drive real prompts)."""
    return sys.stdin is not None and sys.stdin.isatty()


def list_presets(criteria: str | None) -> int:
    loaded = load_criteria(resolve_source(criteria))
    presets = loaded.document.presets
    if not presets:
        console.write(f"{loaded.source.describe()} defines no presets.\n")
        return EXIT_OK
    width = max(len(p) for p in presets)
    lines = [f"{pid.ljust(width)}  {visible_line(p.description)}" for pid, p in presets.items()]
    console.write("\n".join(lines) + "\n")
    return EXIT_OK


def visible_line(text: str) -> str:
    from fwchoice.sanitize import visible

    return visible(text)


def parse_set(values: list[str]) -> dict[str, object]:
    parsed: dict[str, object] = {}
    for item in values:
        qid, sep, value = item.partition("=")
        if not sep or not qid.strip():
            raise UsageError(f"--set takes ID=VALUE, got {quote(item)}; e.g. --set admin=yes")
        parsed[qid.strip()] = value.strip()
    return parsed


def gather(
    document: Document,
    *,
    preset: str | None,
    answers_files: list[str],
    sets: list[str],
) -> tuple[Answers, dict[str, Any]]:
    """The given answers, and the record of a saved answers file (for replay), if any."""
    layers: list[Layer] = []
    saved: dict[str, Any] = {}
    if preset is not None:
        if preset not in document.presets:
            hint = did_you_mean(preset, list(document.presets))
            raise UsageError(
                f"unknown preset {quote(preset)}"
                + then(hint, "presets are: " + ", ".join(document.presets))
            )
        layers.append(("preset", dict(document.presets[preset].answers)))
    for path in answers_files:
        read = read_answers_file(path)
        answers, record = read.answers, read.record
        try:
            collect(document, [("file", answers)])
        except AnswerProblem as problem:
            changed = " (the criteria may have changed since it was saved)" if record else ""
            raise UsageError(f"answers file {quote(path)}: {problem}{changed}") from None
        layers.append(("file", answers))
        saved = record or {}
    if sets:
        try:
            collect(document, [("flag", parse_set(sets))])
        except AnswerProblem as problem:
            raise UsageError(f"--set: {problem}") from None
        layers.append(("flag", parse_set(sets)))
    return collect(document, layers), saved


def _is_team(answers_files: list[str]) -> bool:
    """Whether the answers make a team decision: several files, or a team record
    (which replays as the team decision it records, each member's answers in it)."""
    return len(answers_files) > 1 or any(read_answers_file(p).members for p in answers_files)


def _listed(ids: list[str], shown: int = 6) -> str:
    """'a, b and c', or for many 'a, b, c, d, e, f and 2 more'."""
    if len(ids) == 1:
        return ids[0]
    if len(ids) <= shown:
        return ", ".join(ids[:-1]) + " and " + ids[-1]
    return ", ".join(ids[:shown]) + f" and {len(ids) - shown} more"


def resolve_answers(
    loaded: LoadedCriteria, given: Answers, *, fill_defaults: bool, accessible: bool = False
) -> tuple[Answers, list[str], Answers]:
    """All answers: the given ones, defaults where allowed, prompts where possible.

    Returns the resolved answers, the questions skipped by an early finish, and
    every answer given (also those to questions that ended up not applying)."""
    document = loaded.document
    answers, missing = complete(document, given, fill_defaults=fill_defaults)
    if not missing:
        return answers, [], given
    if not stdin_is_interactive():
        shown = _listed(missing)
        if fill_defaults:
            example = missing[0]
            raise UsageError(
                f"no default for {shown}; answer with --set {example}=VALUE or an answers "
                f"file (`fwchoice questions` shows the choices)"
            )
        raise UsageError(
            f"no terminal to ask on, and no answer to {shown}; give --preset NAME, "
            "--answers FILE, --set ID=VALUE, or --defaults"
        )
    from fwchoice.decide.changes import review_notes
    from fwchoice.decide.questionnaire import Prompter, run_questionnaire
    from fwchoice.decide.uncertainty import early_finish_check
    from fwchoice.prompts import QuestionaryPrompter, prompt_stream

    prompter: Prompter
    if accessible:
        from fwchoice.plain_prompts import PlainPrompter

        prompter = PlainPrompter(output=prompt_stream())
    else:
        prompter = QuestionaryPrompter(output=prompt_stream())
    try:
        result = run_questionnaire(
            document,
            given,
            prompter,
            fill_defaults=fill_defaults,
            can_finish_early=early_finish_check(document),
            review_notes=review_notes(document),
        )
    except KeyboardInterrupt:
        raise Aborted("") from None
    return result.answers, result.skipped, result.given


def not_applied(document: Document, qid: str, answer: Answer, answers: Answers) -> str:
    """Why a --set answer had no effect: the question's condition, and what was
    answered instead."""
    question = document.questions[qid]
    reasons = []
    for unmet in unmet_conditions(document, qid, answers):
        other = document.questions[unmet.question]
        wanted = " or ".join(f'"{other.choices[c].label}"' for c in unmet.allowed)
        now = f', not "{display(other, unmet.answer)}"' if unmet.answer else " (it is not answered)"
        # A multiple-choice answer meets a condition when it includes any listed choice.
        verb = "includes any of" if other.multiple else "is"
        reasons.append(f'"{other.text}" {verb} {wanted}{now}')
    value = raw_value(question, answer)
    shown = ",".join(value) if isinstance(value, list) else value
    return (
        f'--set {qid}={shown} has no effect: "{question.text}" is asked only when '
        + "; and ".join(reasons)
    )


def saved_record(
    loaded: LoadedCriteria,
    advice: AdviceReport,
    scored_with: dict[str, Any],
    *,
    ratings: str = "evidence",
) -> dict[str, Any]:
    """What a saved answers file, and a record's replay block, hold."""
    from fwchoice.commands.record import replay_head
    from fwchoice.criteria.fileformat import ANSWERS_MARKER

    return {
        **replay_head(ANSWERS_MARKER, loaded, advice, ratings),
        "answers": {a.question: a.answer for a in advice.answers},
        "how": {a.question: a.how for a in advice.answers},
        "snapshot": scored_with,
    }


def saved_answers(record: dict[str, Any]) -> str:
    from fwchoice.commands.record import record_yaml

    header = "# fwchoice answers: replay with `fwchoice advise --answers THIS_FILE`\n"
    return header + record_yaml(record)


def plan_outputs(out: AdviceOutput, loaded: LoadedCriteria, answers_files: list[str]) -> OutputPlan:
    """Check every file the run will write before any question is asked."""
    check_date(out.date)
    check_date(out.record.review_by, flag="--review-by")
    if out.date and out.format != "markdown" and out.record.adr_dir is None:
        console.warning_line(
            "--date dates the decision record, which --format markdown prints and --adr-dir "
            "files; it has no effect here"
        )
    from fwchoice.commands.record import check_folder, check_people

    check_people(out.record)
    if out.record.adr_dir is not None:
        check_folder(out.record)
    plan = OutputPlan(inputs=[("criteria file", loaded.source.path)])
    for path in answers_files:
        plan.add_input("answers file", path)
    if out.export:
        check_export_name(out.export)
    plan.add(out.output, "--output", force=out.force)
    plan.add(out.export, "--export", force=out.force)
    return plan


def run(
    *,
    criteria: str | None,
    preset: str | None,
    answers_files: list[str],
    sets: list[str],
    defaults: bool,
    save_answers: str | None,
    out: AdviceOutput,
) -> int:
    loaded = load_criteria(resolve_source(criteria))
    document = loaded.document
    plan = plan_outputs(out, loaded, answers_files)
    if _is_team(answers_files):
        from fwchoice.commands.team import check_team_flags, run_team

        check_team_flags(answers_files, preset=preset, sets=sets, save_answers=save_answers)
        return run_team(loaded, answers_files, out, plan)
    plan.add(save_answers, "--save-answers", force=out.force)
    given, saved = gather(document, preset=preset, answers_files=answers_files, sets=sets)
    # A replayed record's unanswered questions (one added since, a follow-up the
    # record left out) take their defaults, as review scores it.
    answers, skipped, asked = resolve_answers(
        loaded,
        given,
        fill_defaults=defaults or preset is not None or bool(saved),
        accessible=out.accessible,
    )
    for qid, answer in given.items():
        if answer.how == "flag" and qid not in answers:
            console.warning_line(not_applied(document, qid, answer, answers))
    from fwchoice.decide.advice import build_advice

    advice, evaluation = build_advice(
        document,
        answers,
        given=asked,
        skipped=skipped,
        ratings=out.ratings,
        criteria_file=loaded.file_info(),
    )
    if saved:
        from fwchoice.decide.evidence import rated_by
        from fwchoice.decide.replay import compare

        replay = compare(saved, rated_by(document, out.ratings), evaluation, loaded.sha256)
        advice = advice._replace(replay=replay)
    deliver(loaded, advice, evaluation, out, plan, save_answers=save_answers)
    return EXIT_OK


def deliver(
    loaded: LoadedCriteria,
    advice: AdviceReport,
    evaluation: Evaluation,
    out: AdviceOutput,
    plan: OutputPlan,
    *,
    save_answers: str | None,
) -> None:
    """Show the advice as asked, file its record and save the answers, all or nothing."""
    from fwchoice.commands.record import PlannedRecord, RecordFiling
    from fwchoice.decide.evidence import rated_by
    from fwchoice.decide.replay import snapshot
    from fwchoice.render.advice_markdown import title
    from fwchoice.sanitize import visible_report

    document = loaded.document
    shown = visible_report(advice)
    shared = visible_report(advice._replace(criteria_file=loaded.shared_file_info()))

    view, closing, details_view = terminal_views(shown, out)

    def export_view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.advice_view import advice_renderables

        return advice_renderables(shared, terminal, style)

    scored_with = snapshot(rated_by(document, out.ratings), evaluation)
    record = saved_record(loaded, advice, scored_with, ratings=out.ratings)

    def render(filed: PlannedRecord) -> str:
        from fwchoice.render.advice_markdown import advice_markdown

        return advice_markdown(advice, document, filed.meta(record, loaded.source.portable()))

    filing = RecordFiling(
        out.record,
        record,
        render,
        title=title(advice),
        date=out.date,
        review_after=document.decision.review_after,
    )
    filing.check(plan)
    markdown = filing.markdown

    contents = show(
        out,
        advice,
        view,
        markdown,
        title=f"fwchoice advise: {advice.verdict.winner_label}",
        closing=closing,
        export_view=export_view,
    )
    if save_answers:
        contents[save_answers] = saved_answers(record)
    finish(plan, contents, saved=save_answers, record=filing)
    if details_view is not None:  # the files are written: now the details, on request
        from fwchoice.commands.output import rendered
        from fwchoice.pager import offer_details

        offer_details(
            lambda: rendered(details_view, no_color=out.no_color, accessible=out.accessible),
            accessible=out.accessible,
        )


TerminalView = Callable[["Console", "TerminalStyle"], list["RenderableType"]]


def terminal_views(
    shown: AdviceReport, out: AdviceOutput
) -> tuple[TerminalView, TerminalView | None, TerminalView | None]:
    """The terminal view, the closing line of a tall report, and the details that a
    key opens after a summary (None when no key is asked for).

    On a terminal the view is the summary, sized to the screen: the key prompt takes
    the last line while it waits; without a key to ask for, a hint stays there."""
    from fwchoice.pager import interactive

    brief = out.brief()
    asks = brief and interactive()

    def view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.advice_view import advice_renderables, summary

        if not brief:
            return advice_renderables(shown, terminal, style)
        parts = summary(shown, terminal, style, max_lines=terminal.height - (1 if asks else 2))
        if not asks:
            from rich.text import Text

            parts.append(Text(DETAILS_HINT, style="dim"))
        return parts

    def closing(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.advice_view import verdict_line

        return [verdict_line(shown, terminal.width)]

    def details(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.advice_view import criteria_footer
        from fwchoice.render.advice_view import details as details_parts

        return [*details_parts(shown, terminal, style), *criteria_footer(shown)]

    return view, None if brief else closing, details if asks else None
