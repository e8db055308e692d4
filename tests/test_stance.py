"""Stance and escalation scoring, on short quotes written for these tests."""

from __future__ import annotations

import pytest

from workbench.extract.stance import STANCES, Stance, score_stance

STANCE_CASES = [
    # escalatory: threats, vows, retaliation
    ("We will take revenge for every drop of blood", None, "escalatory"),
    ("The response will come at a time and place of our choosing, and it is only the beginning", None, "escalatory"),
    ("Their bases are within the range of our drones", None, "escalatory"),
    ("This is an open war until the last soldier leaves", None, "escalatory"),
    ("We have entered a new stage of operations", None, "escalatory"),
    ("Retaliation is coming", None, "escalatory"),
    # deescalatory: calm, restraint, denial of wanting escalation (negation matters)
    ("We urge all sides to exercise restraint and return to dialogue", None, "deescalatory"),
    ("No one is interested in a wider conflict", None, "deescalatory"),
    ("We are not seeking revenge", None, "deescalatory"),
    ("Washington does not want escalation in the region", None, "deescalatory"),
    ("The factions will refrain from targeting diplomatic missions", None, "deescalatory"),
    # condemnatory: protest without threat
    ("We condemn this blatant violation of our sovereignty", "iraq_gov", "condemnatory"),
    ("The raid is unacceptable and illegal", None, "condemnatory"),
    ("This is political blackmail, nothing more", "media", "condemnatory"),
    # formulas of threat, calm and protest common in this news
    ("This crime will not pass without a response", "factions", "escalatory"),
    ("If they keep firing at our troops, they should expect more of the same", "us", "escalatory"),
    ("The response will be painful", "factions", "escalatory"),
    ("Washington will not be spared from this fire", "iran", "escalatory"),
    ("We will take any action necessary to protect our forces", "us", "escalatory"),
    ("Iraq will not be a launching pad for attacks on its neighbours", "iraq_gov", "deescalatory"),
    ("It was a vicious assault on our forces", "iraq_gov", "condemnatory"),
    ("These strikes endanger the security of the region", "iraq_gov", "condemnatory"),
    ("The Iraqi government holds the coalition forces responsible", "iraq_gov", "condemnatory"),
    # informational: facts; the bare word "attack(s)" is not a cue
    ("We are still assessing the rocket attacks", "us", "informational"),
    ("Three rockets landed near the base and caused minor damage", None, "informational"),
    ("Two drones were intercepted before reaching the airport", None, "informational"),
    ("", None, "informational"),
]


@pytest.mark.parametrize("quote,side,expected", STANCE_CASES)
def test_stance(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


SIDE_CASES = [
    # "enemy" is a plain label for a US spokesman, a threat from a faction
    ("One enemy fighter was wounded in the exchange", "us", "informational"),
    ("One enemy fighter was wounded in the exchange", "factions", "escalatory"),
    # denunciation of the occupiers justifies armed resistance from a faction's mouth
    ("Those who defend the occupiers are traitors", "factions", "escalatory"),
    ("Those who defend the occupiers are traitors", "media", "condemnatory"),
]


@pytest.mark.parametrize("quote,side,expected", SIDE_CASES)
def test_speaker_side_rules(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


CONTEXT_CASES = [
    # the attribution words count a little: enough to tip a weak quote
    ("Our forces are ready", "the commander vowed", "escalatory"),
    ("Our forces are ready", "the commander said", "informational"),
    ("what happened on Sunday", "the ministry strongly condemned", "condemnatory"),
    ("all parties", "the envoy called for calm among", "deescalatory"),
]


@pytest.mark.parametrize("quote,context,expected", CONTEXT_CASES)
def test_context_counts(quote, context, expected):
    assert score_stance(quote, context=context).stance == expected


def test_context_weighs_less_than_quote():
    # a condemnatory quote is not turned escalatory by one threatening attribution word
    assert score_stance("We condemn the unacceptable raid", context="he warned").stance == "condemnatory"


def test_escalation_range_and_sign():
    hot = score_stance("We will avenge our martyrs and this is only the beginning")
    calm = score_stance("We call for calm, restraint and dialogue")
    flat = score_stance("The meeting took place on Monday")
    assert 0 < hot.escalation < 1
    assert -1 < calm.escalation < 0
    assert flat.escalation == 0.0 and flat.cues == ()
    assert hot.escalation > score_stance("We will avenge our martyrs").escalation


def test_cues_in_text_order_and_negation_is_shown():
    s = score_stance("Nobody is interested in escalating tensions, but we condemn the raid")
    assert isinstance(s, Stance)
    assert s.cues[0].lower() == "nobody is interested in"
    assert any("escalating" in c and "…" in c for c in s.cues)
    assert s.cues.index(s.cues[-1]) == len(s.cues) - 1 and "condemn" in s.cues[-1]


def test_negation_stops_at_clause_break():
    # "not" in the first clause does not negate "revenge" after "but"
    assert score_stance("We did not start this, but revenge will come").stance == "escalatory"


def test_deterministic_and_vocabulary():
    a = score_stance("We vow retaliation against the occupation", speaker_side="factions")
    b = score_stance("We vow retaliation against the occupation", speaker_side="factions")
    assert a == b and a.stance in STANCES


def test_lexicon_integrity():
    from workbench.actors import SIDES
    from workbench.resources import load_yaml

    data = load_yaml("stance.yaml")
    classes = {"escalatory", "deescalatory", "condemnatory"}
    seen = set()
    for entry in [*data["cues"], *data["context_cues"]]:
        cue = entry["cue"]
        assert isinstance(cue, str) and cue.strip() == cue and cue
        # (class "none": a plain reading that hides the shorter cues inside it, no weight)
        assert (entry["class"] in classes and float(entry["weight"]) > 0) or entry["class"] == "none"
        for side, cls in (entry.get("by_side") or {}).items():
            assert side in SIDES and (cls in classes or cls == "none")
        assert (cue.lower(), entry["class"]) not in seen
        assert entry.get("negatable", True) in (True, False)
        seen.add((cue.lower(), entry["class"]))
    assert all(isinstance(n, str) for n in data["negators"])
    assert set(data["negation_flip"]) == classes
    for order in data["tie_order"].values():
        assert sorted(order) == sorted(classes)


# --------------------------------------------------------------------------- threat formulas

THREAT_CASES = [
    # escalatory formulas of this genre
    ("We will not tolerate any attack on our advisers", "us", "escalatory"),
    ("We are not going to tolerate strikes on our people", "us", "escalatory"),
    ("Those responsible will be held to account", "us", "escalatory"),
    ("We will hold them all accountable", None, "escalatory"),
    ("The retaliation will come at a time and place of our choosing", "us", "escalatory"),
    ("Each drop of blood shed today has a price", "factions", "escalatory"),
    ("This is only the start of our response", "us", "escalatory"),
    ("The occupiers will pay a heavy price", "factions", "escalatory"),
    ("Our forces will do what they have to do", "us", "escalatory"),
    ("The enemy has crossed every red line", "factions", "escalatory"),
    ("Our strikes will resume in the coming days", "factions", "escalatory"),
    ("If the enemy wants a fight, we are ready", "factions", "escalatory"),
    ("The blood of our martyrs will not go in vain", "factions", "escalatory"),
    ("Their bases will not know rest", "factions", "escalatory"),
    ("The choice of targets is in the hands of its fighters", "factions", "escalatory"),
    ("This crime will not go unanswered", None, "escalatory"),
    # the general rule: future modal + response word, whatever the side
    ("If you hurt our people, we shall respond", "us", "escalatory"),
    ("Every rocket fired at our bases will be answered", "us", "escalatory"),
    ("They will be punished for this", None, "escalatory"),
    # negated: deescalatory
    ("We will not respond to these provocations", None, "deescalatory"),
    ("We do not seek war with anyone", "us", "deescalatory"),
    # condemnatory without a threat
    ("This raid is a violation of Iraqi sovereignty", "iraq_gov", "condemnatory"),
    ("Shelling the city is an attack on all of Iraq", "iraq_gov", "condemnatory"),
    ("This reckless adventurism must stop", "iran", "condemnatory"),
    ("The raids only spread instability across the region", "russia", "condemnatory"),
    ("The accusations serve narrow political objectives", "iran", "condemnatory"),
    ("We will not accept that our land becomes a battlefield", "iraq_gov", "condemnatory"),
    ("Washington is pushing the region into the abyss", "russia", "condemnatory"),
    ("The strike comes at a time when the country is trying to heal", "iraq_gov", "condemnatory"),
    ("This aggression is a grave breach", "iraq_gov", "condemnatory"),
    # informational: the same words in a plain sense
    ("The elections will be held in June", None, "informational"),
    ("We will hold a press conference tomorrow", "us", "informational"),
    ("The minister will answer questions in parliament", "iraq_gov", "informational"),
    ("The funeral resulted in the martyrdom rites being held at noon", "iraq_gov", "informational"),
]


@pytest.mark.parametrize("quote,side,expected", THREAT_CASES)
def test_threat_formulas(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


def test_threat_rule_cue_label_and_negation():
    s = score_stance("Our enemies will be answered")
    assert any("…answered" in c for c in s.cues)
    neg = score_stance("We will never retaliate")
    assert neg.stance == "deescalatory" and neg.escalation < 0


def test_accusation_in_context_is_condemnatory_except_for_us():
    assert score_stance("going past its mandate", context="he accused the coalition of").stance == "condemnatory"
    assert score_stance("planning attacks on our troops", context="a commander it accused of",
                        speaker_side="us").stance == "informational"


# --------------------------------------------------------------------------- ordinary wording without a lexicon word

PLAIN_WORDING_CASES = [
    # pursuit threats and emphatic warnings
    ("Our security forces will track down those who fired the rockets wherever they are", "iraq_gov", "escalatory"),
    ("We will hunt them down wherever they hide", "us", "escalatory"),
    ("They should have no doubt that we will find them", "us", "escalatory"),
    ("Nobody should doubt our resolve", "us", "escalatory"),
    ("There will be no safe haven for those who attack our bases", "us", "escalatory"),
    ("It is time to hit them where it hurts", "us", "escalatory"),
    ("Our answer will come at the time and place we choose", "factions", "escalatory"),
    ("The attack will be met with a firm response", "us", "escalatory"),
    ("We will make them regret it", "factions", "escalatory"),
    ("They will regret this day", "factions", "escalatory"),
    ("We will continue our operations until the last foreign soldier leaves our land", "factions", "escalatory"),
    ("The coalition will continue its operations against the remnants of ISIS", "us", "informational"),
    ("The attacks will go on as long as the occupation forces remain on our soil", "factions", "escalatory"),
    # a label after a negator keeps its reading ("will not give the occupation any rest")
    ("We will not give the occupation forces a moment of peace", "factions", "escalatory"),
    ("Their strikes will not change the equation", "factions", "escalatory"),
    # denials of involvement and avoiding embarrassment calm things
    ("Tehran had nothing to do with the attack and was not involved in it", "iran", "deescalatory"),
    ("The Islamic Republic has nothing to do with these incidents", "iran", "deescalatory"),
    ("We do not want a wider fight with anyone", "us", "deescalatory"),
    ("The pause is meant to avoid embarrassing the government", "factions", "deescalatory"),
    # charges told without "condemn"
    ("These attacks aim at undermining the stability of the country", "iraq_gov", "condemnatory"),
    ("The drone strike was a blatant assault on our sovereignty", "factions", "condemnatory"),
    ("Foreign troops are the root of insecurity in the region", "iran", "condemnatory"),
    ("It was an assassination with total disregard for civilian lives", "iraq_gov", "condemnatory"),
    ("There is no longer any justification for the coalition presence", "iraq_gov", "condemnatory"),
    ("Those who fired the rockets will be brought to justice", "iraq_gov", "condemnatory"),
    # calm and informational wording stays so
    ("Police tracked down the launch site and found three unused rockets", "iraq_gov", "informational"),
    ("The base will stay open as long as the mission requires", "us", "informational"),
    ("The talks will continue as long as both sides remain at the table", "iraq_gov", "informational"),
    ("There is no doubt the drone came from the east", "us", "informational"),
    ("The delay had nothing to do with the weather", "media", "informational"),
    ("The suspects were brought to justice last year", "iraq_gov", "informational"),
    ("The minister said he regrets the loss of life", "iraq_gov", "informational"),
    ("The answer to your question is no", "us", "informational"),
    ("The proposal will be met with interest in Baghdad", "iraq_gov", "informational"),
    ("Police are working to track down the owner of the car", "iraq_gov", "informational"),
]


@pytest.mark.parametrize("quote, side, expected", PLAIN_WORDING_CASES)
def test_plain_wording_of_threats_denials_and_charges(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected
