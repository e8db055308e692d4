"""Tests for workbench.dedup.find_near_duplicates (texts written for these tests)."""

from __future__ import annotations

import pytest

from workbench.dedup import find_near_duplicates, lsh_params, shingle_hashes

STORY = """\
An armed drone struck a logistics hub used by US troops near the Syrian border late on Sunday, Iraqi security officials said.
The attack on the Harir staging area caused material damage to two storage hangars and a fuel truck, according to a statement from the Joint Operations Command in Baghdad.
No casualties were reported among coalition personnel or Iraqi contractors working at the site, the statement added.
A previously unknown group calling itself the Guardians of the Euphrates claimed responsibility in a message posted on Telegram shortly after midnight.
The group said the strike was revenge for an American raid that killed three members of an Iraqi armed faction in Anbar province last week.
Analysts in Baghdad said the name was probably a front for one of the larger factions close to Iran, which have used a string of new labels since the start of the year to avoid direct blame.
A spokesman for the US-led coalition confirmed that a one-way attack drone had hit the area but declined to give details about the damage or the type of weapon used.
He said American forces retained the right to defend themselves and would respond at a time and place of their choosing.
Iraqi Prime Minister's office said in a separate statement that the government rejected any attack on diplomatic missions or on advisers present in the country at its invitation.
It called on all parties to exercise restraint and warned that the country must not become an arena for settling regional scores.
The strike was the fourth on American positions in Iraq and Syria in ten days, according to a tally kept by a monitoring group based in London.
Earlier in the week two rockets landed inside the perimeter of the Ain al-Asad air base in western Anbar without causing injuries, while a roadside bomb damaged a supply convoy on the highway south of Nasiriyah.
Local police said the convoy was made up of Iraqi trucks carrying equipment for the coalition and that one driver suffered minor cuts.
Leaders of the Coordination Framework, the ruling alliance of Shiite parties, met on Monday evening to discuss the escalation and the future of foreign forces in Iraq.
A lawmaker who attended the meeting said the participants agreed to press the government to speed up talks on a timetable for the withdrawal of the remaining troops.
Residents of the border town of Al-Qaim told reporters they heard loud explosions and saw helicopters flying low over the desert for several hours after the attack.
Security forces closed the main road to the crossing with Syria until the morning and searched several farms on the outskirts of the town.
A senior commander in the Popular Mobilization Forces said his units had not been involved and that they were cooperating with the investigation.
"""

OTHER_STORY = """\
The parliament in Baghdad postponed a vote on the annual budget for the third time on Wednesday after Kurdish and Sunni blocs walked out of the session.
The speaker said the chamber would reconvene next week once the finance committee had settled a dispute over oil revenue shares for the northern region.
Deputies from the Kurdistan Democratic Party accused the federal government of withholding salaries for public servants in Erbil and Duhok for four months.
The finance minister told reporters that the transfers would resume as soon as the regional government handed over an agreed quantity of crude to the state marketing company.
Economists warned that further delays would hold up payments to contractors and slow work on hundreds of stalled schools and hospitals across the south.
Protesters gathered outside the provincial council in Basra to demand jobs and better electricity supply as summer temperatures passed fifty degrees.
"""


def _reprint(text: str) -> str:
    lines = text.splitlines()
    lines[0] = "BAGHDAD (Agencies) - A drone hit a base hosting American soldiers close to the border with Syria overnight, officials said."
    body = "\n".join(lines)
    for old, new in (("Monday evening", "Monday night"), ("storage hangars", "warehouses"), ("London", "Britain")):
        assert old in body
        body = body.replace(old, new, 1)
    return body


def test_reprint_with_new_first_line_is_flagged_other_story_is_not():
    docs = [("presstv-1", STORY), ("budget-1", OTHER_STORY), ("agency-7", _reprint(STORY))]
    assert find_near_duplicates(docs) == {"agency-7": "presstv-1"}


def test_first_in_input_order_is_the_original():
    docs = [("agency-7", _reprint(STORY)), ("budget-1", OTHER_STORY), ("presstv-1", STORY)]
    assert find_near_duplicates(docs) == {"presstv-1": "agency-7"}


def test_results_are_deterministic_across_runs():
    docs = [("a", STORY), ("b", OTHER_STORY), ("c", _reprint(STORY)), ("d", STORY.upper())]
    first = find_near_duplicates(docs)
    assert first == {"c": "a", "d": "a"}
    assert all(find_near_duplicates(docs) == first for _ in range(3))


def test_case_punctuation_and_spacing_are_ignored():
    variant = STORY.upper().replace(",", " ;").replace("\n", "\n\n   ").replace("'", "\u2019")
    assert find_near_duplicates([("x", STORY), ("y", variant)]) == {"y": "x"}


def test_chain_of_reprints_points_to_the_root():
    lines = STORY.splitlines()
    second = "\n".join(lines[:-2] + ["Officials in Erbil declined to comment on the incident when contacted on Monday."])
    third = "\n".join(lines[2:-2] + ["Officials in Erbil declined to comment on the incident when contacted on Monday."])
    result = find_near_duplicates([("root", STORY), ("second", second), ("third", third)], threshold=0.85)
    assert result == {"second": "root", "third": "root"}


@pytest.mark.parametrize(
    "text",
    [
        "Two rockets hit the base on Tuesday.",
        "Kata'ib Hezbollah denied any role, a spokesman said.",
        "",
    ],
)
def test_short_texts_are_never_flagged(text):
    assert find_near_duplicates([("a", text), ("b", text), ("c", text)]) == {}


def test_unrelated_stories_are_not_flagged():
    assert find_near_duplicates([("a", STORY), ("b", OTHER_STORY)]) == {}
    assert find_near_duplicates([]) == {}


def test_repeated_ids_are_rejected():
    with pytest.raises(ValueError, match="repeated article ids: a"):
        find_near_duplicates([("a", STORY), ("a", OTHER_STORY)])


def test_bad_threshold_is_rejected():
    with pytest.raises(ValueError, match="threshold"):
        find_near_duplicates([("a", STORY)], threshold=0)


def test_shingle_hashes_are_stable_and_unique():
    first = shingle_hashes("A drone struck the base. A drone struck the base.", shingle=3)
    again = shingle_hashes("a DRONE struck, the base; a drone struck the base", shingle=3)
    assert first.tolist() == again.tolist()
    assert len(first) == len(set(first.tolist())) == 5  # "a drone struck" occurs twice
    assert len(shingle_hashes("too short", shingle=5)) == 0


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9])
def test_lsh_banding_fits_and_favours_recall(threshold):
    bands, rows = lsh_params(threshold, 128)
    assert bands * rows <= 128
    assert (1 - threshold**rows) ** bands <= 1e-3


def test_signatures_compared_later_give_the_same_groups():
    from workbench.dedup import minhash_signature, near_duplicates

    docs = [("presstv-1", STORY), ("agency-7", "Breaking: " + STORY), ("other", OTHER_STORY), ("short", "Too short.")]
    signed = [(article_id, minhash_signature(text)) for article_id, text in docs]
    assert signed[-1][1] is None  # fewer than 2 * shingle words
    assert minhash_signature(STORY).tolist() == minhash_signature(STORY).tolist()
    assert near_duplicates(signed) == find_near_duplicates(docs) == {"agency-7": "presstv-1"}


def _signature(seed: int):
    import numpy as np

    return np.random.default_rng(seed).integers(0, 2**32, size=128, dtype=np.uint64).astype(np.uint32)


@pytest.mark.parametrize(
    "equal_band, flagged",
    [
        (None, False),  # 103 of 128 values agree (above 0.8) but every band differs: never a candidate
        (0, True),  # the same agreement with one whole band equal: a candidate, and it passes
        (24, True),
    ],
)
def test_a_pair_is_compared_only_when_a_whole_band_agrees(equal_band, flagged):
    from workbench.dedup import near_duplicates

    bands, rows = lsh_params(0.8, 128)
    original = _signature(1)
    copy = original.copy()
    # One differing value in each band (and the last value outside the bands when one band is kept).
    spoiled = [band * rows for band in range(bands) if band != equal_band]
    if equal_band is not None:
        spoiled.append(127)
    copy[spoiled] += 1
    assert 128 - len(spoiled) >= 0.8 * 128
    expected = {"copy": "original"} if flagged else {}
    assert near_duplicates([("original", original), ("copy", copy)]) == expected


def test_many_identical_texts_point_to_the_first_and_stay_fast():
    import time

    docs = [(f"wire-{i:04d}", STORY) for i in range(2000)] + [("budget-1", OTHER_STORY)]
    start = time.perf_counter()
    result = find_near_duplicates(docs)
    assert result == {f"wire-{i:04d}": "wire-0000" for i in range(1, 2000)}
    assert time.perf_counter() - start < 30  # one band check per distinct text, not per pair
    assert find_near_duplicates(docs[:3], threshold=1.0) == {"wire-0001": "wire-0000", "wire-0002": "wire-0000"}


def test_groups_of_reprints_and_unrelated_signatures_mixed():
    """Clusters of perturbed signatures, copies and short texts: every member points to its
    cluster's first document, unrelated rows stay alone, whatever the input order."""
    import numpy as np

    from workbench.dedup import near_duplicates

    rng = np.random.default_rng(3)
    roots = [_signature(100 + k) for k in range(6)]
    signed, cluster = [], {}
    for i in range(120):
        k = int(rng.integers(0, 8))  # 6 clusters, 2 kinds of loners
        if k < 6:
            values = roots[k].copy()
            values[rng.choice(128, size=int(rng.integers(0, 8)), replace=False)] += 1  # >= 94% agree
            cluster[f"d{i:03d}"] = k
        elif k == 6:
            values = _signature(1000 + i)
        else:
            values = None
        signed.append((f"d{i:03d}", values))
    first = {}
    for article_id, k in cluster.items():
        first.setdefault(k, article_id)
    expected = {a: first[k] for a, k in cluster.items() if a != first[k]}
    assert near_duplicates(signed) == expected


def test_band_grouping_survives_hash_collisions(monkeypatch):
    """Rows are grouped by exact equality even when their sort keys collide."""
    import numpy as np

    import workbench.dedup as dedup

    docs = [("a", STORY), ("b", OTHER_STORY), ("c", _reprint(STORY)), ("d", STORY.upper())]
    signed = [(article_id, dedup.minhash_signature(text)) for article_id, text in docs]
    expected = dedup.near_duplicates(signed)
    monkeypatch.setattr(dedup, "_MIX_MUL", np.uint64(0))  # keys = last value only: rows collide
    assert dedup.near_duplicates(signed) == expected == {"c": "a", "d": "a"}
