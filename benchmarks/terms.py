"""Term recognition: speed with a 1,000-concept glossary, and accuracy on UD pairs.

Run from the repository root:

    .venv/bin/python benchmarks/terms.py [--tokens 1000000] [--repeat 3]

1. Speed. 1,000 Kazakh concepts are generated at run time from real Kazakh noun
   stems (one- and two-word terms: a modifier and a noun); a text of at least the
   requested number of tokens is generated from the same nouns in random licensed
   inflections (plural, possessive, case) mixed with other words. kazlit's
   Recognizer is timed against two baselines on the same text, in one run: exact
   match (a dict of the terms' words) and prefix match (any token that starts
   with a term word).
2. Accuracy. On ../shared/data/terms/ud_ktb_lemma_pairs.tsv (3,090 lemma/word-form
   pairs from UD Kazakh-KTB), does each method accept the form for the lemma?
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from kazlit.terms.model import Concept, LangSet, Term, Termbase
from kazlit.terms.recognize import Recognizer
from kazlit.text import kazakh_morph

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "data" / "terms" / "ud_ktb_lemma_pairs.tsv"

# Real Kazakh nouns (native and borrowed, front and back, all final classes).
NOUNS = """
адам бала ана әке ел жер су тау дала қала ауыл үй мектеп кітап дәптер қалам сөз тіл
ән күй ақын жазушы ғалым мұғалім оқушы дәрігер жұмыс еңбек халық ұлт мемлекет
билік заң құқық сот сайлау партия үкімет министр әкім кеңес жиналыс мәжіліс сенат
экономика қаржы банк ақша салық баға нарық өнім зауыт кәсіпорын сауда тауар
мәдениет өнер театр музыка кино сурет мұражай кітапхана әдебиет роман повесть
әңгіме өлең поэзия аударма баспа газет журнал мақала жаңалық хабар ақпарат
білім ғылым зерттеу университет институт академия студент сабақ емтихан диплом
денсаулық аурухана дәрі ауру емхана спорт жарыс чемпионат ойын команда жеңіс
табиғат орман өзен көл теңіз шөл жел жаңбыр қар күн ай жұлдыз аспан
тарих мұра дәстүр салт тағдыр өмір уақыт жыл ғасыр күз көктем жаз қыс түн таң
жол көлік пойыз ұшақ әуежай вокзал бекет көше алаң ғимарат құрылыс жоба
бағдарлама стратегия жоспар мақсат міндет нәтиже тәжірибе мүмкіндік қауіпсіздік
бейбітшілік ынтымақтастық серіктестік байланыс келісім шарт қатынас саясат
отбасы ұрпақ жастар азамат қоғам ұйым мекеме орталық бөлім комитет агенттік
технология компьютер интернет желі бағдарламашы деректер жүйе сервер құрал
тамақ нан ет сүт шай қымыз шұбат бидай егін мал жылқы түйе қой сиыр
""".split()  # noqa: SIM905 - a word list reads best as text
MODIFIERS = """
ұлттық мемлекеттік халықаралық қазақ жаңа үлкен басты негізгі жалпы әлемдік
қазіргі заманауи ежелгі рухани мәдени тарихи ғылыми әлеуметтік экономикалық
саяси құқықтық қаржылық цифрлық жасыл ашық жұмсақ ақ көк қызыл алтын
""".split()  # noqa: SIM905
FILLER = """
және мен бен пен да де бұл сол осы ол олар біз сіз мен сен бар жоқ үшін туралы
арқылы кейін бұрын дейін бірақ сондықтан әрі немесе өте ең көп аз жақсы жаман
келді кетті айтты жазды оқыды болды берді алды көрді жасады тұр жүр жатыр
""".split()  # noqa: SIM905


def make_termbase(count: int, rng: random.Random) -> Termbase:
    terms: list[str] = list(dict.fromkeys(NOUNS))
    pairs = [f"{m} {n}" for m in MODIFIERS for n in NOUNS]
    rng.shuffle(pairs)
    terms += pairs
    concepts = tuple(
        Concept(f"c{i:04d}", (LangSet("kk", (Term(text),)),))
        for i, text in enumerate(terms[:count])
    )
    return Termbase(concepts)


def make_text(tokens: int, rng: random.Random) -> list[str]:
    forms = {noun: list(kazakh_morph.paradigm(noun)) for noun in NOUNS}
    lines: list[str] = []
    total = 0
    while total < tokens:
        words: list[str] = []
        for _ in range(rng.randint(8, 20)):
            roll = rng.random()
            if roll < 0.30:
                words.append(rng.choice(forms[rng.choice(NOUNS)]))
            elif roll < 0.40:
                words.append(rng.choice(MODIFIERS))
            else:
                words.append(rng.choice(FILLER))
        words[0] = words[0].capitalize()
        lines.append(" ".join(words) + ".")
        total += len(words)
    return lines


def time_best(fn: object, repeat: int) -> float:
    assert callable(fn)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def term_words(termbase: Termbase) -> set[str]:
    """The last word of every term: what the baselines look for."""
    return {kazakh_morph.fold(t.text).split()[-1] for c in termbase for t in c.terms("kk")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=1_000_000)
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20260101)
    termbase = make_termbase(args.concepts, rng)
    lines = make_text(args.tokens, rng)
    tokens = sum(len(line.split()) for line in lines)
    build_start = time.perf_counter()
    recognizer = Recognizer(termbase, "kk")
    build = time.perf_counter() - build_start
    print(f"glossary: {len(termbase)} concepts; text: {tokens:,} tokens in {len(lines):,} lines")
    print(f"kazlit index build: {build:.2f} s")

    found = [0]

    def run_kazlit() -> None:
        found[0] = sum(len(recognizer.find(line)) for line in lines)

    exact_words = term_words(termbase)
    import re  # noqa: PLC0415

    word_re = re.compile(r"\w+")

    def run_exact() -> None:
        n = 0
        for line in lines:
            for token in word_re.findall(line):
                if token.lower() in exact_words:
                    n += 1
        found.append(n)

    def run_prefix() -> None:
        n = 0
        for line in lines:
            for token in word_re.findall(line):
                low = token.lower()
                if any(low[:k] in exact_words for k in range(2, len(low) + 1)):
                    n += 1
        found.append(n)

    results = {}
    for name, fn in (("kazlit", run_kazlit), ("exact", run_exact), ("prefix", run_prefix)):
        seconds = time_best(fn, args.repeat)
        results[name] = tokens / seconds
    print(f"\nspeed (best of {args.repeat}, one core):")
    for name, rate in results.items():
        ratio = "" if name == "kazlit" else f"   kazlit ÷ {name}: {results['kazlit'] / rate:.2f}"
        print(f"  {name:<7} {rate:>12,.0f} tokens/s{ratio}")
    print(f"  kazlit found {found[0]:,} term occurrences ({found[0] / tokens:.0%} of tokens)")

    if not UD.is_file():
        print(f"\nUD pairs not found at {UD}: accuracy skipped")
        return
    rows = [line.rstrip("\n").split("\t") for line in UD.open(encoding="utf-8")][1:]
    methods = {
        "kazlit": kazakh_morph.is_inflection,
        "exact": lambda form, lemma: form == lemma,
        "prefix": lambda form, lemma: form.startswith(lemma),
    }
    print(f"\naccuracy on {len(rows):,} UD Kazakh-KTB lemma/form pairs:")
    print("  method   precision  recall  F1")
    for name, accept in methods.items():
        tp = fp = fn = 0
        for lemma, form, label, *_ in rows:
            predicted, gold = accept(form, lemma), label == "pos"
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"  {name:<8} {precision:9.3f} {recall:7.3f} {f1:6.3f}")


if __name__ == "__main__":
    main()
