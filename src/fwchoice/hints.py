"""'Did you mean ...?' for a mistyped name."""

from collections.abc import Sequence

from fwchoice.sanitize import quote


def did_you_mean(word: str, known: Sequence[str]) -> str:
    """'; did you mean 'x'?' when a known word is close, else ''."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if not close:
        lowered = {k.lower(): k for k in known}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    if close:
        return f"; did you mean {quote(close[0])}?"
    return ""


def then(hint: str, advice: str) -> str:
    """The hint, then what to do, punctuated either way: "; did you mean 'x'? Use
    one of ..." or "; use one of ..."."""
    if hint:
        return f"{hint} {advice[:1].upper()}{advice[1:]}"
    return f"; {advice}"
