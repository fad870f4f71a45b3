#!/usr/bin/python3
"""The manual page jixiao(1) and the bash completion, generated from the program itself: its
`--help` for each subcommand and `jixiao rules --markdown` (what docs/rules.md holds), so that
the three cannot drift apart. The page is written as Markdown and set by pandoc (`-t man`).

Usage: /usr/bin/python3 scripts/make_docs.py [EMULATOR] PATH/TO/jixiao OUT_DIR
(EMULATOR: qemu-aarch64-static for a cross-built program.)
Writes OUT_DIR/jixiao.1 and OUT_DIR/jixiao.bash-completion."""
import os
import re
import subprocess
import sys

jixiao, out = sys.argv[1:-1], sys.argv[-1]
SUBCOMMANDS = ["convert", "check", "diff", "rules"]


def help_of(*args):
    text = subprocess.run([*jixiao, *args, "--help"], capture_output=True, text=True, check=True).stdout
    return text.replace(jixiao[-1], "jixiao")


def parse(text):
    """A help text as (summary, usage, [(section, [(names, value, description)])], footer)."""
    lines = text.rstrip("\n").split("\n")
    summary, usage = lines[0], lines[1].removeprefix("Usage: ")
    sections, footer, current, item = [], [], None, None
    for line in lines[2:]:
        if not line.strip():
            item = None
            continue
        if re.match(r"^[A-Z][a-z]+:$", line):
            current = (line[:-1], [])
            sections.append(current)
        elif line.startswith("  ") and not line.startswith("       ") and current:
            m = re.match(r"^  (\S+)(?: (\S+(?: \S+)*?))?(?:\s{2,}(.*))?$", line)
            item = [m.group(1), m.group(2) or "", m.group(3) or ""]
            current[1].append(item)
        elif line.startswith("       ") and item is not None:
            item[2] = (item[2] + " " + line.strip()).strip()
        else:
            footer.append(line)
    return summary, usage, sections, "\n".join(footer)


def md_escape(s):
    return re.sub(r"([\\`*_{}\[\]<>#|~^])", r"\\\1", s)


def item_md(names, value, description):
    term = ", ".join(f"**{md_escape(n)}**" for n in names.split(","))
    if value:
        term += " *" + md_escape(value) + "*"
    return f"{term}\n:   {md_escape(description)}\n"


version = subprocess.run([*jixiao, "--version"], capture_output=True, text=True, check=True).stdout.strip()
top = parse(help_of())
doc = [f"% JIXIAO(1) {version.split(' (')[0]} | User Commands", "",
       # The summary of --help, in both languages, opens the description; NAME stays ASCII for whatis.
       "# NAME", "", "jixiao - converts and checks budget performance-target documents", "",
       "# SYNOPSIS", "",
       "**jixiao** [**\\--lang** zh|en] **convert** [*OPTIONS*] *INPUTS*...  ",
       "**jixiao** [**\\--lang** zh|en] **check** [*OPTIONS*] *INPUTS*...  ",
       "**jixiao** [**\\--lang** zh|en] **diff** [*OPTIONS*] *OLD* *NEW*  ",
       "**jixiao** **rules** [*ID*]", "",
       "# DESCRIPTION", "", md_escape(top[0].removeprefix("jixiao — ")), "",
       "jixiao reads budget performance-target documents (预算绩效目标表: .docx, and .doc, .wps, .odt, .rtf "
       "through LibreOffice) into a typed model, checks them against its rules, writes them as JSON, CSV, "
       "XLSX or a normalized .docx, draws a review page, and compares two versions. Messages are in "
       "Chinese by default, in English with **\\--lang en**.", "",
       "# OPTIONS", ""]
for _, items in top[2]:
    for names, value, description in items:
        if names.startswith("-"):
            doc.append(item_md(names, value, description))
completion = {}
for sub in SUBCOMMANDS:
    summary, usage, sections, _ = parse(help_of(sub))
    doc += [f"# {sub.upper()}", "", md_escape(summary), "", "**" + md_escape(usage) + "**", ""]
    options = []
    for name, items in sections:
        doc += [f"## {name}", ""]
        for names, value, description in items:
            doc.append(item_md(names, value, description))
            if names.startswith("-"):
                choices = re.search(r":\{([^}]*)\}", value)
                options.append((names.split(","), bool(value), choices.group(1).split(",") if choices else None))
    completion[sub] = options
doc += ["# EXIT STATUS", "", md_escape(top[3].split(": ", 1)[-1]), ""]
rules = subprocess.run([*jixiao, "rules", "--markdown"], capture_output=True, text=True, check=True).stdout
# The rules' own headings one level down, under RULES.
rules = re.sub(r"^# .*\n", "", rules, count=1)
rules = re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) - 1 or 1) + "# ", rules, flags=re.M)
doc += ["# RULES", "", "What **jixiao check** looks for; **jixiao rules** *ID* prints one rule's explanation.", "",
        rules, "", "# SEE ALSO", "", "The README and the JSON schemas in /usr/share/jixiao/schemas.", ""]
os.makedirs(out, exist_ok=True)
markdown = "\n".join(doc)
man = subprocess.run(["pandoc", "-s", "-f", "markdown-smart", "-t", "man"], input=markdown, capture_output=True,
                     text=True, check=True).stdout
# whatis reads the NAME line as "name \- description".
man = man.replace("\njixiao - converts", "\njixiao \\- converts", 1)
# Left-aligned, unhyphenated: groff cannot justify lines of Chinese text in narrow table cells.
man = man.replace("\n.hy\n", "\n.ad l\n.nh\n", 1)
# Chinese text has no spaces, so groff could break a line of it nowhere ("can't break line"): a
# break point (\:) between every two wide characters (pandoc writes them as \[uXXXX]), as
# Chinese typesetting allows.
WIDE = r"\\\[u(?:2E[89A-F][0-9A-F]|2F[0-9A-F]{2}|[3-9][0-9A-F]{3}|F[9A][0-9A-F]{2}|FF[0-9A-E][0-9A-F])\]"
man = re.sub(f"({WIDE})(?={WIDE})", lambda m: m.group(1) + "\\:", man)
# Nor after a hyphen that follows a digit (level2-mismatch, wider than its table column).
man = re.sub(r"(?<=[0-9])-(?=[a-z])", lambda m: "-\\:", man)
with open(os.path.join(out, "jixiao.1"), "w", encoding="utf-8") as f:
    f.write(man)

# The completion: subcommands, each one's options, the values of options that take a choice,
# and files elsewhere.
cases, values = [], []
for sub, options in completion.items():
    names = " ".join(n for names, _, _ in options for n in names)
    cases.append(f"    {sub}) opts=\"{names}\" ;;")
    for names, _, choices in options:
        if choices:
            labels = "|".join(f"{sub}:{n}" for n in names)
            values.append(f"    {labels}) COMPREPLY=($(compgen -W \"{' '.join(choices)}\" -- \"$cur\")); return ;;")
script = f"""# bash completion for jixiao, generated from its --help by scripts/make_docs.py
_jixiao() {{
  local cur prev words cword
  _init_completion || return
  local sub="" w
  for w in "${{words[@]:1:cword-1}}"; do
    case "$w" in convert|check|diff|rules) sub="$w"; break ;; esac
  done
  case "$sub:$prev" in
    *:--lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
{chr(10).join(values)}
  esac
  if [[ -z "$sub" ]]; then
    COMPREPLY=($(compgen -W "convert check diff rules --help --version --lang" -- "$cur"))
    return
  fi
  local opts=""
  case "$sub" in
{chr(10).join(cases)}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    _filedir
  fi
}}
complete -F _jixiao jixiao
"""
with open(os.path.join(out, "jixiao.bash-completion"), "w", encoding="utf-8") as f:
    f.write(script)
print(os.path.join(out, "jixiao.1"), os.path.join(out, "jixiao.bash-completion"))
