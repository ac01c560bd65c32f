"""Values for shell completion, read from the criteria file the command would use.

Completion runs the program on every Tab press, so failures are silent (an
empty list): a broken file must not print errors into the user's prompt line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI imports this module at start-up for BASH_SCRIPT
    from fwchoice.criteria.model import Document

# Typer's bash script passes COMP_WORDS as bash split them. Bash splits the word
# being completed at the characters in COMP_WORDBREAKS, '=' and ':' among them,
# so `--set admin=y<TAB>` reached the program as `admin` `=` `y` and nothing was
# completed; and `--set adm<TAB>` got a space after `admin=`. This script glues
# those pieces back together (only where the command line has no blank between
# them), trims each reply to the part readline replaces (the text after the last
# word break, bash's $2), and asks for no space after a lone reply ending in '='.
# It is a %-template for Typer (complete_func, autocomplete_var, prog_name), so
# a literal percent sign is written %%.
BASH_SCRIPT = r"""
%(complete_func)s() {
    local IFS=$'\n'
    local -a words=() replies=()
    local i j=-1 cword=0 w line=$COMP_LINE touching
    # Glue back the pieces bash split at '=' or ':' (no blank between them).
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        [[ $line == [[:blank:]]* ]] && touching= || touching=1
        line=${line#"${line%%%%[![:blank:]]*}"}
        line=${line#"$w"}
        if ((i > 1)) && [[ -n $touching ]] &&
            { [[ -n $w && $w != *[!=:]* ]] ||
              [[ -n ${COMP_WORDS[i-1]} && ${COMP_WORDS[i-1]} != *[!=:]* ]]; }; then
            words[j]+=$w
        else
            words[++j]=$w
        fi
        ((i == COMP_CWORD)) && cword=$j
    done

    replies=( $(env COMP_WORDS="${words[*]}" COMP_CWORD=$cword \
                    %(autocomplete_var)s=complete_bash "$1") )

    # Readline replaces only the text after the last word break ($2): drop the
    # part of each reply typed before it (`admin=yes` -> `yes`). For --opt=value
    # the program completes only the value.
    local cur=${words[cword]} lead
    [[ $cur == -*=* ]] && cur=${cur#*=}
    if [[ $cur == *"$2" ]]; then
        lead=${cur%%"$2"}
        if [[ -n $lead ]]; then
            for i in "${!replies[@]}"; do
                [[ ${replies[i]} == "$lead"* ]] && replies[i]=${replies[i]#"$lead"}
            done
        fi
    fi
    COMPREPLY=("${replies[@]}")

    # A lone `admin=` still needs its value: no space after it.
    if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *= ]]; then
        compopt -o nospace
    fi
    return 0
}

complete -o default -o nosort -F %(complete_func)s %(prog_name)s
"""


def _document(ctx: Any) -> Document | None:
    from fwchoice.criteria.loader import resolve_source
    from fwchoice.errors import FwchoiceError
    from fwchoice.lint.runner import load_criteria

    criteria = (getattr(ctx, "params", None) or {}).get("criteria")
    try:
        return load_criteria(resolve_source(criteria)).document
    except (FwchoiceError, OSError):
        return None


def preset_names(ctx: Any) -> list[str]:
    document = _document(ctx)
    return list(document.presets) if document else []


def set_values(ctx: Any, incomplete: str) -> list[str]:
    """``ID=`` for each question, and ``ID=CHOICE`` once the id is typed."""
    document = _document(ctx)
    if document is None:
        return []
    qid, sep, _ = incomplete.partition("=")
    if not sep:
        return [f"{q}=" for q in document.questions]
    question = document.questions.get(qid)
    if question is None:
        return []
    return [f"{qid}={c}" for c in question.choices] + [f"{qid}=unsure"]
