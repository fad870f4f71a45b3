"""bench/RESULTS.md is written by several scripts, each owning a section between its markers
("<!-- page.py -->" … "<!-- /page.py -->"): a run replaces its own section and keeps the rest."""
import os

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")


def write_section(script, lines):
    """Puts `lines` (without markers) as `script`'s section of RESULTS.md, and prints them."""
    mark, end = f"<!-- {script} -->", f"<!-- /{script} -->"
    section = "\n".join([mark, "", *lines, "", end])
    text = open(RESULTS, encoding="utf-8").read() if os.path.exists(RESULTS) else ""
    if mark in text:
        before, rest = text.split(mark, 1)
        # A section without its end marker (written before there were end markers) runs to the
        # next script's section, or to the end.
        if end in rest:
            after = rest.split(end, 1)[1]
        else:
            follows = rest.find("\n<!-- ")
            after = rest[follows:] if follows >= 0 else "\n"
        text = before.rstrip("\n") + "\n\n" + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(RESULTS, "w", encoding="utf-8") as f:
        f.write(text)
    print("\n".join(lines))
