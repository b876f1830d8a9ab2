#!/usr/bin/env python3
"""Time and peak memory of the release binary on the adversarial inputs of issue 19.

Generates each input into a temporary directory, runs
`/usr/bin/time -f "%e %U %M" BIN -f json FILE > /dev/null` on it (best of RUNS, by
seconds) and prints a Markdown table: input size, wall and user seconds (the user
seconds move less with the load of a shared machine), peak resident set, the
memory limit (8x the input + 20 MB) and whether both limits hold (under 2 s for the
issue's named inputs, which are not the 50 MB memory files).

    cargo build --release
    python3 benches/adversarial.py [--bin target/release/byline] [--runs 3] [NAME...]

NAME selects inputs by substring of their names (all by default).
"""

import argparse
import os
import subprocess
import sys
import tempfile

MB = 1_000_000


def syllable_word(n, syllables):
    """A made-up capitalised word for the number `n`, one syllable per base-20 digit."""
    table = ["ka", "lo", "mi", "ra", "tu", "se", "no", "vi", "da", "re",
             "po", "zu", "fe", "ga", "hi", "jo", "ne", "sa", "te", "wa"]
    word = "".join(table[(n // 20 ** i) % 20] for i in range(syllables))
    return word.capitalize()


def distinct_names(size):
    """Sentences naming two different people each, none repeated, in one paragraph
    (a scraped page without breaks): the entity merger's worst case."""
    parts, length, i = [], 0, 0
    while length < size:
        a = f"{syllable_word(i, 2)} {syllable_word(i, 4)}"
        b = f"{syllable_word(i + 7, 2)} {syllable_word(i * 7 + 3, 4)}"
        sentence = f"{a} met {b} in the city. "
        parts.append(sentence)
        length += len(sentence)
        i += 1
    return "".join(parts)


def sentences_to(size, sentence):
    """`sentence(i)` for i = 0, 1, … until the text reaches `size` characters."""
    parts, length, i = [], 0, 0
    while length < size:
        parts.append(sentence(i))
        length += len(parts[-1])
        i += 1
    return "".join(parts)


def dense_quotes(size):
    """A quotation with a named, described speaker every 70 bytes, in one paragraph."""
    w = syllable_word
    return sentences_to(size, lambda i: (
        f"“We will {w(i, 2).lower()} it,” said {w(i, 2)} {w(i * 7 + 3, 4)}, "
        f"a {w(i, 3).lower()} at {w(i + 3, 3)} Corp. "))


def dense_claims(size):
    """Three numeric claims (a count, money, a year) every 60 bytes, with claimants."""
    w = syllable_word
    return sentences_to(size, lambda i: (
        f"{w(i, 2)} {w(i * 7 + 3, 4)} said {i * 37 % 9999:,} {w(i, 3).lower()}s "
        f"cost about ${i % 97}.{i % 10}bn in {1900 + i % 120}. "))


def dense_everything(size):
    """A paragraph of its own for each quotation with a name and a percentage."""
    w = syllable_word
    return sentences_to(size, lambda i: f"“{w(i, 2)} {w(i * 7 + 3, 3)} {i % 97}%,” she said.\n\n")


def repeat_to(unit, size):
    return unit * -(-size // len(unit.encode()))


# (name, generator, named in the issue for the 2 s limit)
INPUTS = [
    ("name run `'University of the ' * 100000 + 'World.'`",
     lambda: "University of the " * 100000 + "World.\n", True),
    ("name run `'Aa ' * 133000`", lambda: "Aa " * 133000 + "\n", True),
    ("pronoun quotes `'“x,” he said. ' * 25000`",
     lambda: "“x,” he said. " * 25000 + "\n", True),
    ("distinct names, 1.35 MB", lambda: distinct_names(1_350_000), True),
    ("distinct names, 10.8 MB", lambda: distinct_names(10_800_000), True),
    ("dense quotations, 1.4 MB", lambda: dense_quotes(1_350_000), False),
    ("dense quotations, 11 MB", lambda: dense_quotes(10_800_000), False),
    ("dense claims, 1.35 MB", lambda: dense_claims(1_350_000), False),
    ("dense claims, 10.8 MB", lambda: dense_claims(10_800_000), False),
    ("paragraphs of quoted names and numbers, 1.5 MB", lambda: dense_everything(1_350_000), False),
    ("paragraphs of quoted names and numbers, 12 MB", lambda: dense_everything(10_800_000), False),
    ("newlines, 50 MB", lambda: "\n" * (50 * MB), False),
    ("apostrophes, 50 MB", lambda: "'" * (50 * MB), False),
    ("`A.\\n\\n`, 50 MB", lambda: repeat_to("A.\n\n", 50 * MB), False),
    ("nested `“‘`, 50 MB", lambda: repeat_to("“‘", 50 * MB), False),
]


def measure(binary, path, runs):
    """Best (seconds, user seconds, peak KiB) of `runs` runs; raises if the binary fails."""
    best = None
    for _ in range(runs):
        with open(os.devnull, "w") as sink:
            result = subprocess.run(
                ["/usr/bin/time", "-f", "%e %U %M", binary, "-f", "json", path],
                stdout=sink, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{path}: exit {result.returncode}: {result.stderr}")
        seconds, user, kib = result.stderr.strip().splitlines()[-1].split()
        run = (float(seconds), float(user), int(kib))
        best = run if best is None or run < best else best
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/release/byline")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    print("| input | size | seconds | user | peak | limit (8x + 20 MB) | holds |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, timed in INPUTS:
            if args.names and not any(n in name for n in args.names):
                continue
            path = os.path.join(tmp, "input.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(make())
            size = os.path.getsize(path)
            seconds, user, kib = measure(args.bin, path, args.runs)
            limit_kib = (8 * size + 20 * 2 ** 20) // 1024
            holds = kib <= limit_kib and (not timed or seconds < 2.0)
            print(f"| {name} | {size / MB:.2f} MB | {seconds:.2f} s | {user:.2f} s "
                  f"| {kib / 1024:.0f} MB "
                  f"| {limit_kib / 1024:.0f} MB | {'yes' if holds else 'NO'} |")
            sys.stdout.flush()
            os.remove(path)


if __name__ == "__main__":
    main()
