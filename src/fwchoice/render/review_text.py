"""``fwchoice review`` as text lines or GitHub annotations, from ``review_data``."""

from __future__ import annotations

from typing import Any

from fwchoice.render.diagnostics import github_escape
from fwchoice.sanitize import visible

STATE_WORDS = {
    "unchanged": "unchanged",
    "moved": "margin moved",
    "changed": "verdict changed",
    "broken": "cannot be replayed",
    "superseded": "superseded (not reviewed)",
}


TITLES = {
    "changed": "Decision overturned",
    "moved": "Decision margin moved",
    "broken": "Decision cannot be replayed",
}


def record_sentence(record: dict[str, Any]) -> str:
    """What became of one record, in one sentence."""
    state = record["state"]
    then, now = record["then"], record["now"]
    if state == "broken":
        text = record["problem"]
    elif state == "superseded":
        text = "another record replaced it"
    elif state == "changed":
        text = (
            f"{then['winner_label']} came first by {_margin(then)}; now "
            f"{now['winner_label']} does, by {_margin(now)}"
        )
    elif state == "moved":
        text = (
            f"{now['winner_label']} still comes first, by {_margin(now)} now against "
            f"{_margin(then)} then"
        )
    else:
        text = f"{now['winner_label']} still comes first, by {_margin(now)}"
    moved = record["moved_by"]
    if moved and state in ("moved", "changed"):
        text += (
            " ("
            + "; ".join(
                f"{m['label']}: {', '.join(m['changes'])}, {m['margin_change']:+.1f} points"
                for m in moved[:3]
            )
            + ")"
        )
    if record["problem"] and state != "broken":
        text += f"; {record['problem']}"
    if record["overdue"]:
        text += f"; its review date {record['review_by']} has passed"
    return f"{STATE_WORDS[state]}: {text}"


def _margin(side: dict[str, Any]) -> str:
    margin = side["margin"]
    return f"{float(margin):.1f}" if isinstance(margin, (int, float)) else "?"


def review_text(data: dict[str, Any]) -> str:
    lines = [f"{visible(r['path'])}: {visible(record_sentence(r))}" for r in data["records"]]
    return "\n".join(lines) + ("\n" if lines else "")


def review_github(data: dict[str, Any]) -> str:
    """One workflow annotation per record that needs a look: an error for a changed
    or broken record or a passed review date, a warning for a moved margin."""
    lines = []
    for record in data["records"]:
        quiet = record["state"] in ("unchanged", "superseded") and not record["problem"]
        if quiet and not record["overdue"]:
            continue
        level = "error" if record["fails"] else "warning"
        title = TITLES.get(record["state"], "Decision due for review")
        lines.append(
            f"::{level} file={github_escape(record['path'], property_value=True)},line=1,"
            f"title={github_escape(title, property_value=True)}::"
            f"{github_escape(record_sentence(record))}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def summary_line(data: dict[str, Any]) -> str:
    counts: dict[str, int] = {}
    for record in data["records"]:
        counts[record["state"]] = counts.get(record["state"], 0) + 1
    overdue = sum(1 for r in data["records"] if r["overdue"])
    parts = [f"{n} {state}" for state, n in counts.items()]
    if overdue:
        parts.append(f"{overdue} past review date")
    total = len(data["records"])
    text = f"{total} record{'s' if total != 1 else ''} reviewed" + (
        f": {', '.join(parts)}" if parts else ""
    )
    if data["skipped"]:
        count = len(data["skipped"])
        files = f"{count} Markdown file{'s' if count != 1 else ''}"
        text += f" ({files} without fwchoice's replay block skipped)"
    return text


def review_step_summary(data: dict[str, Any]) -> str:
    """A Markdown table for a GitHub Actions job page (``$GITHUB_STEP_SUMMARY``)."""
    from fwchoice.render.markdown_text import md_cell

    lines = ["## fwchoice review", "", summary_line(data) + ".", ""]
    if data["records"]:
        lines += ["| Record | State | What became of it |", "| --- | --- | --- |"]
        for record in data["records"]:
            state = STATE_WORDS[record["state"]] + (", overdue" if record["overdue"] else "")
            words = record_sentence(record).split(": ", 1)[-1]
            lines.append(f"| {md_cell(record['path'])} | {state} | {md_cell(words)} |")
    return "\n".join(lines) + "\n\n"
