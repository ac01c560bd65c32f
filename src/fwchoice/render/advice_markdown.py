"""A recommendation as an Architecture Decision Record in MADR layout (Markdown).

Sections follow MADR 4: context and problem statement, decision drivers,
considered options, decision outcome (with consequences and confirmation), and
the pros and cons of each option. Everything is derived from ``advice_data``
and the document; nothing about any option is written here.
"""

from __future__ import annotations

from typing import Any

from fwchoice.criteria.model import Document
from fwchoice.render.comparison_markdown import table
from fwchoice.render.formatting import change_sentence, number_text, stars
from fwchoice.render.markdown_text import md, md_cell

DRIVERS = 4


def advice_markdown(advice: dict[str, Any], document: Document, *, date: str | None) -> str:
    verdict = advice["verdict"]
    winner, runner_up = verdict["winner"], verdict["runner_up"]
    labels = {s["option"]: s["label"] for s in advice["scores"]}
    # A generated record is a proposal until the team accepts it.
    out: list[str] = ["---", "status: proposed"]
    if date:
        out.append(f"date: {date}")
    out += ["---", ""]
    if verdict["kind"] == "clear":
        out.append(f"# Use {md(labels[winner])}")
    else:
        out.append(f"# {md(labels[winner])} or {md(labels[runner_up])}: too close to call")
    out += ["", "## Context and Problem Statement", ""]
    context = document.description or document.title
    out.append(md(context))
    if advice["answers"]:
        out += ["", "The project, as described by the answers given:", ""]
    out += [
        f"- {md(a['text'])} **{md(a['display'])}**"
        + (" (default)" if a["how"] == "default" else "")
        for a in advice["answers"]
    ]
    out += ["", "## Decision Drivers", ""]
    drivers = sorted(advice["weights"], key=lambda w: -w["weight"])[:DRIVERS]
    for driver in drivers:
        criterion = document.criteria[driver["criterion"]]
        out.append(
            f"- {md(driver['label'])} (weight {number_text(driver['weight'])}): "
            f"{md(criterion.description)}"
        )
    out += ["", "## Considered Options", ""]
    out += [f"- {md(labels[s['option']])}" for s in advice["scores"]]
    out += ["", "## Decision Outcome", ""]
    if verdict["kind"] == "clear":
        because = ", ".join(
            f"{md(r['label'])} (+{r['points']:.1f} points)" for r in advice["reasons"]
        )
        out.append(
            f'Chosen option: "{md(labels[winner])}", because it scores '
            f"{advice['scores'][0]['score']:.1f} of 100 against {advice['scores'][1]['score']:.1f} "
            f"for {md(labels[runner_up])} on the weighted criteria"
            + (f"; the criteria that moved the margin most: {because}." if because else ".")
        )
    else:
        out.append(
            f"No option is chosen outright: {md(labels[winner])} leads "
            f"{md(labels[runner_up])} by only {verdict['margin']:.1f} points "
            f"(a hybrid is suggested below {number_text(advice['method']['hybrid_margin'])})."
        )
        for hybrid in verdict["hybrids"]:
            out += ["", f"Consider: **{md(hybrid['label'])}**. {md(hybrid['summary'])}", ""]
            out += [f"{i}. {md(step)}" for i, step in enumerate(hybrid["steps"], start=1)]
    confidence = verdict["confidence"]
    if confidence:
        out += [
            "",
            f"Confidence: {md(confidence['label'])} (margin {verdict['margin']:.1f} points)."
            + (f" {md(confidence['explanation'])}" if confidence["explanation"] else ""),
        ]
    out += _insights(advice)
    out += _replay(advice)
    out += ["", "### Consequences", ""]
    for reason in advice["reasons"]:
        out.append(
            f"- Good, because {md(labels[winner])} rates {reason['winner_rating']} on "
            f"{md(reason['label'])}, against {reason['runner_up_rating']} for "
            f"{md(labels[runner_up])}."
        )
    for caveat in advice["caveats"]:
        fill = f"; teams usually use {md(caveat['fill'])}" if caveat["fill"] else ""
        out.append(
            f"- Bad, because {md(caveat['label'])} is needed and not built into "
            f"{md(labels[winner])} ({md(caveat['value'])}){fill}."
        )
    out += ["", "### Confirmation", ""]
    out.append(
        "Re-run the recommendation with the same answers (`fwchoice advise --answers "
        "answers.yaml`) whenever the criteria file or the project's needs change; the "
        "criteria file's scenarios are checked by `fwchoice lint` in CI."
    )
    out += ["", "## Pros and Cons of the Options", ""]
    for score in advice["scores"]:
        option = document.options[score["option"]]
        out += [f"### {md(option.label)}", ""]
        if option.summary:
            out += [md(option.summary), ""]
        out += _pros_and_cons(advice, document, option.id)
        out.append("")
    out += ["## More Information", "", "Scores (0-100) on the weighted criteria:", ""]
    out += table(
        ["Option", "Score"],
        [[md_cell(s["label"]), f"{s['score']:.1f}"] for s in advice["scores"]],
    )
    out += ["", "Weighted matrix (rating × weight):", ""]
    options = [s["option"] for s in advice["scores"]]
    out += table(
        ["Criterion", "Weight", *(md_cell(labels[o]) for o in options)],
        [
            [
                md_cell(w["label"]),
                number_text(w["weight"]),
                *(
                    f"{md_cell(stars(w['ratings'][o], 5))} × {number_text(w['weight'])} = "
                    f"{number_text(w['contributions'][o])}"
                    for o in options
                ),
            ]
            for w in advice["weights"]
        ],
    )
    if advice["what_would_change_it"]:
        out += ["", "What would change the decision:", ""]
        out += [f"- {md(change_sentence(c))}" for c in advice["what_would_change_it"]]
    file = advice["criteria_file"]
    out += [
        "",
        f"Generated by fwchoice from {md(file['described_as'])}, "
        f"format version {file['version']}, SHA-256 `{file['sha256']}`.",
        "",
    ]
    return "\n".join(out)


def _replay(advice: dict[str, Any]) -> list[str]:
    replay = advice.get("replay")
    if not replay:
        return []
    then, now = replay["then"], replay["now"]
    out = ["", "Replay of saved answers:", ""]
    out += table(
        ["", "Comes first", "Margin"],
        [
            ["Then", md_cell(str(then["winner_label"])), str(then["margin"])],
            ["Now", md_cell(now["winner_label"]), f"{now['margin']:.1f}"],
        ],
    )
    if replay["moved_by"]:
        out += ["", "Criteria changes that moved the margin:", ""]
        out += [
            f"- {md(m['label'])}: {md(', '.join(m['changes']))} ({m['margin_change']:+.1f} points)"
            for m in replay["moved_by"]
        ]
    return out


def _insights(advice: dict[str, Any]) -> list[str]:
    insights = advice.get("insights") or {}
    labels = {s["option"]: s["label"] for s in advice["scores"]}
    out: list[str] = []
    skipped = insights.get("skipped") or []
    if skipped:
        out += [
            "",
            f"{len(skipped)} question(s) were not asked, because no answer to them "
            "could change the winner:",
            "",
        ]
        out += [f"- {md(s['text'])}" for s in skipped]
    uncertainty = insights.get("uncertainty")
    if uncertainty:
        qualifier = "" if uncertainty["exact"] else "at most "
        ranges = ", ".join(
            f"{md(labels[o])} {r['low']:.1f} to {r['high']:.1f}"
            for o, r in uncertainty["ranges"].items()
        )
        out += [
            "",
            f"Open answers: {len(uncertainty['questions'])} not known yet; scores "
            f"could range {qualifier}{ranges}.",
        ]
        if uncertainty["winner_can_change"]:
            others = [
                md(labels[o])
                for o in uncertainty["possible_winners"]
                if o != advice["verdict"]["winner"]
            ]
            out.append(
                f"The unknowns can change the winner: {' or '.join(others)} could come first."
            )
        else:
            out.append(
                f"Whatever they turn out to be, {md(advice['verdict']['winner_label'])} "
                "stays first."
            )
        settle = uncertainty.get("settle_first")
        if settle:
            out.append(
                f"**Find out first:** {md(settle['text'])} (moves the margin by up to "
                f"{settle['swing']:.1f} points)."
            )
    if "decisive" in insights:
        out += ["", "Answers that decide it:", ""]
        if not insights["decisive"]:
            out.append(
                "- None: no single changed answer would change the winner (a robust decision)."
            )
        for item in insights["decisive"]:
            flips = "; ".join(
                f"{md(f['answer'])} would put {md(f['winner_label'])} first"
                for f in item["flips_to"][:3]
            )
            out.append(f"- {md(item['text'])} **{md(item['answer'])}**: {flips}")
    return out


def _pros_and_cons(advice: dict[str, Any], document: Document, option: str) -> list[str]:
    """Good where the option out-rates the average of the others on a weighted criterion."""
    good: list[str] = []
    neutral: list[str] = []
    bad: list[str] = []
    others = [o for o in document.options if o != option]
    for row in sorted(advice["weights"], key=lambda w: -w["weight"]):
        if not row["weight"]:
            continue
        mine = row["ratings"][option]
        rest = [row["ratings"][o] for o in others if row["ratings"][o] is not None]
        if mine is None or not rest:
            continue
        best_other = max(rest)
        shown = f"{md(row['label'])} ({stars(mine, 5)})"
        if mine > best_other:
            good.append(f"- Good, because of its {shown}")
        elif mine < min(rest):
            bad.append(f"- Bad, because of its {shown}")
        else:
            neutral.append(f"- Neutral, because of its {shown}")
    for need in advice["needs"]:
        value = document.features[need["feature"]].values.get(option)
        if value is not None and value.builtin is False:
            bad.append(
                f"- Bad, because {md(need['label'])} is needed and not built in ({md(value.text)})"
            )
        elif value is not None and value.builtin:
            good.append(
                f"- Good, because {md(need['label'])} is needed and built in ({md(value.text)})"
            )
    return good + neutral + bad
