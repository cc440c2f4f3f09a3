#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generates pathological articles of a given size for the complexity test.

Every text here is generated from word lists written for this file; nothing is taken from
any corpus. Usage: gen_inputs.py KIND BYTES OUT  (KIND: see KINDS).
"""
import random
import sys

FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Katya", "Luis", "Marta", "Nils", "Olga", "Pavel", "Rosa", "Stefan", "Tomas", "Vera"]
LAST = ["Berg", "Castell", "Dahl", "Esposito", "Ferreira", "Gallo", "Hoxha", "Ivanova", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Novak", "Ortega", "Petrov", "Quint", "Rossi",
        "Sato", "Tanaka", "Varga"]
TITLES = ["minister", "mayor", "spokeswoman", "senator", "governor", "police chief", "envoy"]
PLACES = ["Portvale", "the harbour", "the capital", "the northern district", "the border town"]
VERBS = ["said", "told reporters", "announced", "warned", "added", "insisted", "denied"]
NOUNS = ["ferry", "budget", "bridge", "strike", "treaty", "election", "port", "council",
         "report", "tariff", "court", "police", "army", "talks", "protest", "vote"]
ACTIONS = ["met", "criticised", "accused", "thanked", "visited", "arrested", "praised"]
TIMES = ["on Monday", "last week", "on March 3, 2026", "yesterday", "in 2024", "at 5 p.m.",
         "on Friday evening", "two days ago", "next month", "in early April", "on 12 May 2025",
         "this morning", "in the spring of 2023", "on Tuesday", "a year ago", "in 1998"]


def name(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def sentence(r):
    kind = r.randrange(5)
    if kind == 0:
        return (f"\u201cThe {r.choice(NOUNS)} will not wait for the {r.choice(NOUNS)},\u201d "
                f"{r.choice(TITLES).capitalize()} {name(r)} {r.choice(VERBS)} {r.choice(TIMES)}.")
    if kind == 1:
        return (f"{name(r)}, the {r.choice(TITLES)} of {r.choice(PLACES)}, {r.choice(VERBS)} "
                f"that the {r.choice(NOUNS)} would resume {r.choice(TIMES)}.")
    if kind == 2:
        return (f"Police {r.choice(ACTIONS)} {r.randrange(2, 90)} protesters in "
                f"{r.choice(PLACES)} {r.choice(TIMES)}, officials said.")
    if kind == 3:
        return (f"{name(r)} {r.choice(ACTIONS)} {name(r)} {r.choice(TIMES)} to discuss the "
                f"{r.choice(NOUNS)}.")
    return (f"The {r.choice(NOUNS)} was delayed again, and the {r.choice(TITLES)} "
            f"{r.choice(VERBS)} it would cost {r.randrange(2, 900)} million euros.")


def prose(r, n):
    """The linear baseline: ordinary news prose, paragraphs of 2-4 sentences."""
    out, size = ["Harbour talks stall again\n\n"], 0
    while size < n:
        para = " ".join(sentence(r) for _ in range(r.randrange(2, 5))) + "\n\n"
        out.append(para)
        size += len(para.encode())
    return "".join(out)


def no_commas(r, n):
    """One line of words with no commas, full stops or line breaks, cue verbs throughout."""
    words = []
    size = 0
    pool = FIRST + LAST + NOUNS + ["said", "the", "that", "would", "and", "told", "of"]
    while size < n:
        w = r.choice(pool)
        words.append(w)
        size += len(w) + 1
    return " ".join(words)


def quote_marks(r, n):
    """Runs of straight and curly quote marks, with a few words between the runs."""
    marks = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"]
    out, size = [], 0
    while size < n:
        run = "".join(r.choice(marks) for _ in range(r.randrange(50, 400)))
        out.append(run + " said " + name(r) + " ")
        size += len(out[-1].encode())
    return "".join(out)


def emoji(r, n):
    """Emoji with no spaces (one long run), a few ZWJ sequences and flags among them."""
    pool = ["\U0001F600", "\U0001F389", "\U0001F44D", "\U0001F525", "\U0001F1F5\U0001F1F9",
            "\U0001F469\u200D\U0001F4BB", "\u2764\uFE0F"]
    out, size = ["Reactions\n\n"], 0
    while size < n:
        e = r.choice(pool)
        out.append(e)
        size += len(e.encode())
    return "".join(out)


def digits(r, n):
    """One run of digits with no spaces."""
    return "Figures\n\n" + "".join(str(r.randrange(10)) for _ in range(n))


def nested_tags(r, n):
    """An HTML page whose body nests <div> elements as deep as the size allows."""
    depth = n // 11
    return ("<!doctype html><html><head><title>Deep</title></head><body>" + "<div>" * depth +
            "<p>Mayor Anna Berg said on Monday that the ferry would run.</p>" + "</div>" * depth +
            "</body></html>")


def many_times(r, n):
    """Sentences packed with time expressions, statements among them."""
    out, size = [], 0
    while size < n:
        s = (f"{name(r)} said " + ", ".join(r.choice(TIMES) for _ in range(6)) +
             f" that the {r.choice(NOUNS)} would open {r.choice(TIMES)}.")
        if r.randrange(4) == 0:
            s += "\n\n"
        out.append(s + " ")
        size += len(s) + 1
    return "".join(out)


def many_names(r, n):
    """Many different people, each named in full then by surname and pronoun."""
    out, size = [], 0
    while size < n:
        first, last = r.choice(FIRST), r.choice(LAST) + r.choice(["", "son", "ski", "ez"])
        s = (f"{first} {last}, a {r.choice(TITLES)}, met {name(r)} and {name(r)} in "
             f"{r.choice(PLACES)}. {last} said she would return. \u201cWe agreed,\u201d {last} "
             f"told {name(r)}.")
        if r.randrange(3) == 0:
            s += "\n\n"
        out.append(s + " ")
        size += len(s.encode()) + 1
    return "".join(out)


KINDS = {"prose": (prose, ".txt"), "no_commas": (no_commas, ".txt"),
         "quote_marks": (quote_marks, ".txt"), "emoji": (emoji, ".txt"),
         "digits": (digits, ".txt"), "nested_tags": (nested_tags, ".html"),
         "many_times": (many_times, ".txt"), "many_names": (many_names, ".txt")}


def generate(kind, size, seed=20):
    """The article of `kind` cut to at most `size` bytes (at a character boundary)."""
    fn, _ = KINDS[kind]
    data = fn(random.Random(seed), size).encode()
    if len(data) > size and kind != "nested_tags":
        data = data[:size]
        while data and (data[-1] & 0xC0) == 0x80:  # do not cut a UTF-8 sequence
            data = data[:-1]
        if data and data[-1] >= 0xC0:
            data = data[:-1]
    return data


if __name__ == "__main__":
    kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(out, "wb") as f:
        f.write(generate(kind, size))
