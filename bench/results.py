"""What the benchmark scripts share: the Release build in build-bench/ and the corpus they run
on, and bench/RESULTS.md, where each script owns a section between its markers
("<!-- page.py -->" … "<!-- /page.py -->"): a run replaces its own section and keeps the rest."""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "RESULTS.md")
BUILD = os.path.join(ROOT, "build-bench")


def prepare(docs):
    """build-bench/jixiao, built (Release) or brought up to date, and the corpus of `docs`
    documents, made by bench/make_corpus.py when missing: their paths."""
    jixiao = os.path.join(BUILD, "jixiao")
    if not os.path.exists(jixiao):
        subprocess.run(["cmake", "-S", ROOT, "-B", BUILD, "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=OFF",
                        "-DJIXIAO_BENCH=ON"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", BUILD, "-j", "2", "--target", "jixiao"], check=True, stdout=subprocess.DEVNULL)
    corpus = os.path.join(BUILD, f"corpus-{docs}")
    if not os.path.isdir(corpus):
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "make_corpus.py"), str(docs), corpus], check=True)
    return jixiao, corpus


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
        text = (before.rstrip("\n") + "\n\n" if before.strip() else "") + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(RESULTS, "w", encoding="utf-8") as f:
        f.write(text)
    print("\n".join(lines))
