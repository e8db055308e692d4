"""A synthetic corpus for benchmarks, with its ground truth.

    python -m workbench.bench.generate --n 10000 --out build/bench/10k --seed 1
    workbench extract build/bench/10k/articles --catalog build/bench/10k/catalog.csv --out ...

Writes N articles under ``OUT/articles/`` in the formats the loader reads (mostly ``.txt``;
``.jsonl`` and ``.csv`` batches of records; a few saved ``.html`` pages), and beside that
folder a ``catalog.csv`` for the files and ``gold.yaml``: what each article says (outlet, date, attacks, casualty claims, running
tallies, quotes with speaker and stance) in the format of the gold guide, so the same run
measures speed and accuracy. Sentence templates and word lists are in
``workbench/data/bench/corpus.yaml``. The output depends only on ``n`` and ``seed``.

Like a real corpus, unrelated articles share little text: their background paragraphs are
drawn from many templates whose slots are filled afresh for every sentence. A small share of
articles (``_WIRE_SHARE``) are agency copies, reprints of a recent article by another outlet,
which near-duplicate detection should flag; the gold marks them with ``reprint_of``.
"""

from __future__ import annotations

import argparse
import bisect
import copy
import csv
import datetime as dt
import html
import io
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workbench.resources import load_yaml

__all__ = ["generate", "Incident", "ARTICLES_DIR", "GOLD_NAME", "CATALOG_NAME"]

ARTICLES_DIR = "articles"
GOLD_NAME = "gold.yaml"
CATALOG_NAME = "catalog.csv"
_FIRST_DAY = dt.date(2019, 1, 1)
_LAST_DAY = dt.date(2025, 12, 28)
_TALLY_FROM = dt.date(2023, 11, 1)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_BATCH = 20  # records per .jsonl / .csv file
_ANCHOR = re.compile(r"\[\[(.*?)\]\]", re.S)
_INNERMOST = re.compile(r"\{([^{}]*)\}")
_WIRE_SHARE = 0.02  # articles that reprint a recent one (agency copies)
_WIRE_RECENT = 40  # ... one of the last this many original articles
_KINDS = ("events", "tallies", "claims", "quotes")


@dataclass(frozen=True)
class Incident:
    key: str
    date: dt.date
    kind: str  # attack_on_us | us_strike
    site: dict
    weapon: str
    faction: dict


@dataclass
class _Article:
    article_id: str
    outlet: dict
    published: dt.date
    paragraphs: list[str] = field(default_factory=list)
    gold: dict = field(default_factory=dict)
    dateline: str = ""
    lead: str = ""  # "BAGHDAD (AFP) - ", the start of the first body paragraph
    reprint_of: str | None = None


def _data() -> dict:
    return load_yaml("bench/corpus.yaml")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _render(template: str, slots: dict) -> tuple[str, str | None]:
    """(sentence, anchor): the template filled in, its [[anchor]] markers removed."""
    filled = _cap(template.format(**slots))
    m = _ANCHOR.search(filled)
    if not m:
        return filled, None
    return filled[: m.start()] + m.group(1) + filled[m.end():], m.group(1)


def _slots(base: dict) -> dict:
    """Slots with capitalised twins ({site} and {Site})."""
    out = dict(base)
    out.update({k[:1].upper() + k[1:]: _cap(v) for k, v in base.items() if isinstance(v, str)})
    return out


def _incidents(rng: random.Random, n: int, data: dict) -> list[Incident]:
    span = (_LAST_DAY - _FIRST_DAY).days
    out = []
    for i in range(n):
        day = _FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        if rng.random() < 0.6:
            kind, site = "attack_on_us", rng.choice(data["us_sites"])
            weapon = rng.choices(("rocket", "drone", "mortar", "missile"), (5, 4, 1, 1))[0]
        else:
            kind, site = "us_strike", rng.choice(data["faction_sites"])
            weapon = "airstrike"
        slug = re.sub(r"[^a-z0-9]+", "-", site["label"].lower()).strip("-")
        out.append(Incident(f"{day.isoformat()}-{kind}-{slug}-{i}", day, kind, site, weapon, rng.choice(data["factions"])))
    out.sort(key=lambda x: (x.date, x.key))
    return out


def _date_phrase(rng: random.Random, data: dict, day: dt.date, published: dt.date) -> str:
    gap = (published - day).days
    options = [p["text"] for p in data["date_phrases"] if gap in p["gaps"]] or ["on {month} {day}"]
    text = rng.choice(options)
    return text.format(weekday=_WEEKDAYS[day.weekday()], month=_MONTHS[day.month - 1], day=day.day)


def _number_gold(n: int, qualifier: str | None) -> dict:
    if qualifier == "at_least":
        return {"low": n, "high": None, "qualifier": "at_least"}
    if n == 0:
        return {"low": 0, "high": 0, "qualifier": "none"}
    return {"low": n, "high": n, "qualifier": "exact"}


def _event_paragraph(rng: random.Random, data: dict, inc: Incident, published: dt.date, art: _Article,
                     *, lead: str = "") -> str:
    date = _date_phrase(rng, data, inc.date, published)
    sentences = []
    if inc.kind == "attack_on_us":
        w = data["weapons"][inc.weapon]
        template = rng.choice(data["attack_templates"])
        np_ = rng.choice(w["np"])
        slots = _slots({"weapon_np": np_, "were": "was" if np_.startswith(("a ", "an ")) else "were", "adj": w["adj"], "site": inc.site["text"], "date": date,
                        "faction": inc.faction["short"], "source": rng.choice(data["attack_unclaimed_sources"])})
        sentence, anchor = _render(template, slots)
        attacker = "factions" if "{Faction}" in template else ["factions", "unknown"]
        weapons = [inc.weapon]
        claims = data["attack_claims"]
        target = "us"
    else:
        t = rng.choice(data["strike_templates"])
        w = data["strike_weapons"][t["weapon"]]
        slots = _slots({"weapon_np": rng.choice(w["np"]), "site": inc.site["text"], "date": date,
                        "faction": inc.faction["name"]})
        sentence, anchor = _render(t["text"], slots)
        attacker, target = "us", "factions"
        weapons = list(t.get("accept") or [t["weapon"]])
        claims = data["strike_claims"]
    sentences.append(lead + sentence)
    art.gold["events"].append({
        "anchor": anchor, "date": inc.date, "date_window": [inc.date, inc.date],
        "attacker_side": attacker, "target_side": target, "weapon": weapons,
        "location": inc.site["label"], "incident": inc.key,
    })
    if rng.random() < 0.7:
        # A second attack in the article gets another wording: a claim told twice is one claim.
        told = {claim["claimant"] for claim in art.gold["claims"]}
        c = rng.choice([c for c in claims if c["claimant"].format(faction=inc.faction["name"]) not in told] or claims)
        n = c["n"] if isinstance(c["n"], int) else rng.choice(c["n"])
        faction = inc.faction["name"]
        text, anchor = _render(c["text"], {"n": n, "n_word": data["numbers"].get(n, str(n)), "faction": faction})
        sentences.append(text)
        art.gold["claims"].append({
            "anchor": anchor, "claimant": c["claimant"].format(faction=faction), "claimant_side": c["claimant_side"],
            "victim_side": c["victim_side"], "outcome": c["outcome"], **_number_gold(n, c.get("qualifier")),
            "incident": inc.key,
        })
    return " ".join(sentences)


def _quote_paragraph(rng: random.Random, data: dict, art: _Article) -> str:
    stance = rng.choice(sorted(data["quotes"]))
    spec = data["quotes"][stance]
    side = rng.choice(spec["sides"])
    speaker = rng.choice(data["speakers"][side])
    line = rng.choice(spec["lines"])
    frame = rng.choice(data["quote_frames"])
    text = frame.format(quote=line, speaker=speaker["name"], Speaker=_cap(speaker["name"]), role=speaker["role"])
    art.gold["quotes"].append({
        "anchor": " ".join(line.split()[:6]), "speaker": speaker["name"], "speaker_side": side, "stance": stance,
    })
    return text


def _tally_paragraph(rng: random.Random, data: dict, art: _Article) -> str:
    n = 50 + (art.published - dt.date(2023, 10, 17)).days // 3
    since, window = rng.choice((("mid-October", [dt.date(2023, 10, 10), dt.date(2023, 10, 20)]),
                                ("October 17", [dt.date(2023, 10, 17), dt.date(2023, 10, 17)])))
    text, anchor = _render(rng.choice(data["tally_templates"]), {"n": n, "since": since})
    art.gold["tallies"].append({"anchor": anchor, "count": n, "qualifier": "at_least", "since": window,
                                "target_side": "us", "claimant_side": "us"})
    return text


def _fill(rng: random.Random, data: dict, template: str) -> str:
    """``template`` with every {slot} drawn afresh, innermost first: a phrase (its own slots
    filled in turn) or a number; {Slot} gives the value capitalised; {this|that} picks one."""

    def one(m: re.Match) -> str:
        name = m.group(1)
        if "|" in name:
            return rng.choice(name.split("|"))
        key = name[:1].lower() + name[1:]
        if key in data["number_ranges"]:
            n = rng.randint(*data["number_ranges"][key])
            value = f"{n:,}"
        else:
            value = _fill(rng, data, rng.choice(data["phrases"][key]))
        return value if name == key else _cap(value)

    while "{" in template:
        template = _INNERMOST.sub(one, template)
    return template


def _background(rng: random.Random, data: dict, pool: list[str]) -> str:
    """Two to four sentences from templates of the article's own shuffled pool (none repeated)."""
    k = rng.randrange(2, 5)
    if len(pool) < k:
        pool.extend(rng.sample(data["background"], len(data["background"])))
    return " ".join(_cap(_fill(rng, data, pool.pop())) for _ in range(k))


def _article(rng: random.Random, data: dict, i: int, incidents: list[Incident], dates: list[dt.date]) -> _Article:
    outlet = rng.choice(data["outlets"])
    gold = {"events": [], "tallies": [], "claims": [], "quotes": []}
    reported: list[Incident] = []
    if incidents and rng.random() < 0.85:
        inc = rng.choice(incidents)
        reported.append(inc)
        published = inc.date + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2, 2, 3)))
        lo = bisect.bisect_left(dates, published - dt.timedelta(days=25))
        hi = bisect.bisect_right(dates, published - dt.timedelta(days=4))
        if hi > lo and rng.random() < 0.3:
            reported.append(incidents[rng.randrange(lo, hi)])
    else:
        published = _FIRST_DAY + dt.timedelta(days=rng.randrange((_LAST_DAY - _FIRST_DAY).days))
    art = _Article(f"bench_{i:06d}", outlet, published, gold=gold)

    dateline = rng.choice(data["datelines"])
    sig = outlet["dateline"].format(name=outlet["name"])
    lead = f"{dateline} {sig} - " if sig else f"{dateline} - "
    target_words = max(250, min(1300, int(rng.gauss(700, 180))))
    body: list[str] = []
    pool: list[str] = []
    if reported:
        body.append(_event_paragraph(rng, data, reported[0], published, art, lead=lead))
        for _ in range(rng.choice((1, 1, 2))):
            body.append(_quote_paragraph(rng, data, art))
        if len(reported) > 1:
            body.append(_event_paragraph(rng, data, reported[1], published, art))
        if published >= _TALLY_FROM and reported[0].kind == "attack_on_us" and rng.random() < 0.5:
            body.append(_tally_paragraph(rng, data, art))
    else:
        body.append(lead + _background(rng, data, pool))
        if rng.random() < 0.5:
            body.append(_quote_paragraph(rng, data, art))
    words = sum(len(p.split()) for p in body)
    while words < target_words:
        para = _background(rng, data, pool)
        body.insert(rng.randrange(1, len(body) + 1), para)
        words += len(para.split())
    first = reported[0] if reported else None
    key = first.kind if first else "none"
    adj = data["weapons"][first.weapon]["adj"] if first and first.kind == "attack_on_us" else "air"
    headline = rng.choice(data["headlines"][key]).format(
        Adj=_cap(adj), adj=adj, label=first.site["label"] if first else "", faction=first.faction["name"] if first else "")
    art.paragraphs = [headline, *body]
    art.gold = {"id": art.article_id, "outlet": outlet["name"], "outlet_side": outlet["side"], **gold}
    art.dateline, art.lead = dateline, lead
    return art


def _wire_copy(rng: random.Random, data: dict, i: int, orig: _Article) -> _Article:
    """``orig`` reprinted the same day by another outlet: its own credit in the dateline, and
    sometimes one more background sentence at the end. The gold items are the original's."""
    outlet = rng.choice([o for o in data["outlets"] if o["name"] != orig.outlet["name"]])
    sig = outlet["dateline"].format(name=outlet["name"])
    lead = f"{orig.dateline} {sig} - " if sig else f"{orig.dateline} - "
    headline, first, *rest = orig.paragraphs
    body = [lead + first[len(orig.lead):], *rest]
    if rng.random() < 0.5:  # one sentence, so that the copy stays a near-duplicate of short articles
        body.append(_cap(_fill(rng, data, rng.choice(data["background"]))))
    art = _Article(f"bench_{i:06d}", outlet, orig.published, [headline, *body], dateline=orig.dateline, lead=lead,
                   reprint_of=orig.article_id)
    art.gold = {"id": art.article_id, "outlet": outlet["name"], "outlet_side": outlet["side"],
                **{k: copy.deepcopy(orig.gold[k]) for k in _KINDS}}
    return art


def _raw_text(rng: random.Random, data: dict, art: _Article) -> str:
    lines = list(art.paragraphs)
    if rng.random() < 0.5:
        lines.insert(1, rng.choice(data["boilerplate"]))
    if rng.random() < 0.6:
        lines.append(rng.choice(data["boilerplate"]))
    return "\n".join(lines) + "\n"


def _url(art: _Article) -> str:
    d = art.published
    return f"https://{art.outlet['domain']}/news/{d.year}/{d.month:02d}/{d.day:02d}/{art.article_id}"


def _html_page(art: _Article) -> str:
    paras = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in art.paragraphs[1:])
    title = html.escape(art.paragraphs[0])
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>\n"
            f"<meta property=\"article:published_time\" content=\"{art.published.isoformat()}\">\n</head>\n"
            f"<body><nav><a href=\"/\">Home</a> | <a href=\"/iraq\">Iraq</a></nav>\n<article><h1>{title}</h1>\n"
            f"{paras}\n</article>\n<footer>All rights reserved</footer></body></html>\n")


def generate(n: int, out: str | Path, *, seed: int = 0) -> dict:
    """Write ``n`` articles (in ``out/articles``), ``catalog.csv`` and ``gold.yaml``; return counts."""
    data = _data()
    rng = random.Random(seed)
    root = Path(out)
    out = root / ARTICLES_DIR
    out.mkdir(parents=True, exist_ok=True)
    incidents = _incidents(rng, max(3, n // 4), data)
    dates = [x.date for x in incidents]
    catalog: list[list[str]] = []
    gold_articles: list[dict] = []
    batches: dict[str, list[dict]] = {"jsonl": [], "csv": []}
    counts = {"txt": 0, "html": 0, "jsonl": 0, "csv": 0, "words": 0}
    used: set[str] = set()
    recent: list[_Article] = []  # the last originals, which agencies' clients may reprint
    for i in range(n):
        if recent and rng.random() < _WIRE_SHARE:
            art = _wire_copy(rng, data, i, rng.choice(recent))
        else:
            art = _article(rng, data, i, incidents, dates)
            recent = [*recent[1 - _WIRE_RECENT:], art]
        counts["words"] += sum(len(p.split()) for p in art.paragraphs[1:])
        for inc in (art.gold["events"]):
            used.add(inc["incident"])
        fmt = rng.choices(("txt", "jsonl", "csv", "html"), (88, 5, 5, 2))[0]
        pub = art.published
        window = [pub, pub]
        if fmt in ("txt", "html"):
            suffix = "txt" if fmt == "txt" else "html"
            name = f"{art.article_id}.{suffix}"
            if fmt == "txt":
                (out / name).write_text(_raw_text(rng, data, art), encoding="utf-8")
            else:
                (out / name).write_text(_html_page(art), encoding="utf-8")
            stated = fmt == "html" or rng.random() < 0.92
            if not stated and art.gold["events"]:
                window = [pub, pub + dt.timedelta(days=3)]  # inferred from the text
            elif not stated:
                window = None
            catalog.append([name, art.outlet["name"], _url(art) if stated else "", pub.isoformat() if stated else ""])
        else:
            batches[fmt].append({"id": art.article_id, "title": art.paragraphs[0], "url": _url(art),
                                 "outlet": art.outlet["name"], "published": pub.isoformat(),
                                 "text": "\n".join(art.paragraphs[1:])})
            if len(batches[fmt]) == _BATCH:
                _flush(out, fmt, batches)
        counts[fmt] += 1
        g = art.gold
        entry = {"id": g["id"], "outlet": g["outlet"], "outlet_side": g["outlet_side"],
                 "published": pub if window else None}
        if window:
            entry["published_window"] = window
        if art.reprint_of:
            entry["reprint_of"] = art.reprint_of
        entry.update({k: g[k] for k in _KINDS})
        gold_articles.append(entry)
    for fmt in batches:
        _flush(out, fmt, batches)
    with open(root / CATALOG_NAME, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "outlet", "url", "published"])
        w.writerows(catalog)
    gold = {"incidents": {x.key: {"date": x.date, "summary": f"{x.kind} at {x.site['label']}"}
                          for x in incidents if x.key in used},
            "articles": gold_articles}
    dumper = _Dumper
    with open(root / GOLD_NAME, "w", encoding="utf-8") as fh:
        fh.write(f"# Ground truth of a generated benchmark corpus: n={n}, seed={seed}.\n")
        yaml.dump(gold, fh, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    counts["articles"] = n
    counts["reprints"] = sum(1 for a in gold_articles if "reprint_of" in a)
    counts["incidents"] = len(gold["incidents"])
    return counts


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """No YAML anchors and aliases for repeated dates: the gold stays plain to read."""

    def ignore_aliases(self, data) -> bool:
        return True


def _flush(out: Path, fmt: str, batches: dict[str, list[dict]]) -> None:
    rows = batches[fmt]
    if not rows:
        return
    name = out / f"batch_{rows[0]['id']}.{fmt}"
    if fmt == "jsonl":
        name.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    else:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
        name.write_text(buf.getvalue(), encoding="utf-8")
    batches[fmt] = []


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m workbench.bench.generate", description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, required=True, help="number of articles")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    counts = generate(args.n, args.out, seed=args.seed)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
