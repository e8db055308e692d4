"""Casualty claims and tallies, on sentences written for these tests."""

import datetime as dt

import pytest

from extracting import claims_of as shared_claims_of
from extracting import extraction as shared_extraction

PUB = dt.date(2024, 2, 1)


def extraction(text: str, outlet="Reuters", side="media"):
    return shared_extraction(text, published=PUB, outlet=outlet, side=side)


def claims_of(text: str, **kw):
    return shared_claims_of(text, published=PUB, **kw)


@pytest.mark.parametrize(
    "text, outcome, low, high, qualifier, victim_side",
    [
        ("Four Iraqi fighters were killed in the strike, the PMF said.", "killed", 4, 4, "exact", "factions"),
        ("At least five militiamen were killed in the raid, security sources said.", "killed", 5, None, "at_least", "factions"),
        ("More than 100 American troops suffered traumatic brain injuries, the Pentagon admitted.", "injured", 101, None, "over", "us"),
        ("The strike killed around 30 people, a local official said.", "killed", 30, 30, "approx", None),
        ("Several American soldiers were wounded in the attack, the channel claimed.", "injured", None, None, "vague", "us"),
        ("There were no injuries to US personnel, a defense official said.", "injured", 0, 0, "none", "us"),
        ("The attack caused no casualties, the coalition said.", "casualties", 0, 0, "none", None),
        ("Three service members sustained minor injuries, CENTCOM said in a statement.", "injured", 3, 3, "exact", "us"),
        ("The drone strike on the car killed two Kataib Hezbollah commanders, the group said.", "killed", 2, 2, "exact", "factions"),
        ("Local media reported that the raid left 12 civilians dead.", "killed", 12, 12, "exact", "civilians"),
    ],
)
def test_claim_numbers_and_victims(text, outcome, low, high, qualifier, victim_side):
    cs = claims_of(text)
    assert len(cs) == 1, cs
    c = cs[0]
    assert (c["outcome"], c["low"], c["high"], c["qualifier"]) == (outcome, low, high, qualifier)
    if victim_side is not None:
        assert c["victim_side"] == victim_side


@pytest.mark.parametrize(
    "text, claimant, claimant_side",
    [
        ("Four fighters were killed, the Popular Mobilization Forces said.", "Popular Mobilization Forces", "factions"),
        ("According to Sabereen News, six American soldiers were wounded.", "Sabereen News", "factions"),
        ("Russia’s Sputnik cited Syrian sources as saying that nine US soldiers were injured.", "Sputnik", "russia"),
        ("John Kirby, the Pentagon press secretary, said there were no injuries.", "Pentagon", "us"),
        ("Kataib Hezbollah said two of its members were killed in the strike.", "Kata'ib Hezbollah", "factions"),
        ("Two civilians were wounded in the blast.", "Reuters", "media"),
    ],
)
def test_claimants(text, claimant, claimant_side):
    cs = claims_of(text)
    assert len(cs) == 1, cs
    assert cs[0]["claimant"] == claimant
    assert cs[0]["claimant_side"] == claimant_side


def test_number_told_apart_and_claim_in_quote():
    text = (
        "Rockets hit the Ain al-Asad air base on Tuesday.\n"
        "The channel put the number of the wounded at eight.\n"
        "“There were no injuries,” coalition spokesman Wayne Marotto said."
    )
    cs = claims_of(text)
    assert [c["low"] for c in cs] == [8, 0]
    assert cs[1]["claimant"] == "Operation Inherent Resolve"  # a spokesman speaks for his organisation
    assert all(c["victim_side"] == "us" for c in cs)


def test_two_outcomes_in_one_sentence_are_two_claims():
    cs = claims_of("Syrian state media said the strike killed one child and wounded three other civilians.")
    got = sorted((c["outcome"], c["low"], c["victim_side"]) for c in cs)
    assert got == [("injured", 3, "civilians"), ("killed", 1, "civilians")]


def test_repeated_claim_is_one_claim():
    text = (
        "No casualties were reported, the coalition said.\n"
        "The coalition said again on Wednesday that there were no casualties."
    )
    assert len(claims_of(text)) == 1


def test_no_number_no_claim():
    assert claims_of("The group vowed to avenge the blood of its martyrs.") == []
    assert claims_of("Death to America, the crowd chanted.") == []


def test_claims_link_to_the_attack_they_count():
    text = (
        "A US drone strike hit a car in eastern Baghdad on Wednesday night.\n"
        "Two Kataib Hezbollah commanders were killed in the strike, the group said."
    )
    x = extraction(text)
    assert len(x.events) == 1
    assert x.claims and x.claims[0]["event"] == 0
    assert x.claims[0]["date"] == dt.date(2024, 1, 31)


def test_claim_spans_are_article_text():
    text = "At least five militiamen were killed in the raid, security sources said. No injuries were reported."
    for c in claims_of(text):
        assert text[c["start"] : c["end"]] == c["snippet"]


@pytest.mark.parametrize(
    "text, count, qualifier, target, since",
    [
        ("There have been at least 150 attacks on US forces in Iraq and Syria since October 17, the Pentagon said.",
         150, "at_least", "us", dt.date(2023, 10, 17)),
        ("US forces have come under more than 170 attacks since mid-October, officials said.", 171, "over", "us", None),
        ("The Islamic Resistance has claimed 66 attacks on American bases so far.", 66, "exact", "us", None),
        # an ordinal counts the attacks so far
        ("The strike on the airport was the 61st on US forces in Iraq and Syria since October 17, the Pentagon said.",
         61, "exact", "us", dt.date(2023, 10, 17)),
        ("It was at least the 26th rocket or mortar attack on bases hosting US troops since October 17.",
         26, "at_least", "us", dt.date(2023, 10, 17)),
        # ordinals in words, periods told as "in N weeks", targets told by a place hosting US forces
        ("The attack was the fourth on US-linked sites in Iraq in less than three weeks.",
         4, "exact", "us", PUB - dt.timedelta(days=21)),
        ("It was the ninety-seventh operation carried out by the Islamic Resistance since October 17.",
         97, "exact", "us", dt.date(2023, 10, 17)),
        ("It was the second attack on the Erbil airport area in two months.", 2, "exact", "us", None),
        ("The base has been attacked more than 150 times by Iran-backed militias since mid-October.",
         151, "over", "us", None),
        ("The raid is one of nearly 150 carried out against American troops in Iraq and Syria since October 17.",
         150, "approx", "us", dt.date(2023, 10, 17)),
    ],
)
def test_tallies(text, count, qualifier, target, since):
    x = extraction(text)
    assert len(x.tallies) == 1, x.tallies
    t = x.tallies[0]
    assert (t["count"], t["qualifier"]) == (count, qualifier)
    assert t["target_side"] == target
    if since:
        assert t["since"] == since
    assert x.events == []


def test_single_day_count_is_not_a_tally():
    x = extraction("The group said it carried out eleven attacks on Friday.")
    assert x.tallies == []


@pytest.mark.parametrize(
    "text, outlet, claimant, side",
    [
        ("The coalition said that one contractor was killed.", "Rudaw", "Operation Inherent Resolve", "us"),
        ("Our correspondent put the toll at 18 martyrs.", "Al Mayadeen", "Al-Mayadeen", "factions"),
        ("The Kurdistan Region's interior ministry gave a different account, saying that one civilian was killed.",
         "Rudaw", "Kurdistan Region interior ministry", "iraq_gov"),
        # "the ministry": the body named before whose name holds the noun
        ("The Kurdistan Region's interior ministry said a drone hit a hangar at the airport.\n"
         "There were no casualties, according to the ministry.", "Rudaw", "Kurdistan Region interior ministry", "iraq_gov"),
        ("The Kurdistan Region's Ministry of Interior said a drone fell near the airport. "
         "The ministry said in a statement that there were no injuries.", "Rudaw", "Kurdistan Region Interior Ministry", "iraq_gov"),
        # an unnamed body's name in its canonical form
        ("American media outlets put the number of the injured at 34.", "Press TV", "American media", "media"),
    ],
)
def test_unnamed_and_generic_claimants(text, outlet, claimant, side):
    from workbench.actors import load_gazetteer

    actor = load_gazetteer().outlet_for(name=outlet)
    cs = extraction(text, outlet=actor.name, side=actor.side).claims
    assert len(cs) == 1
    assert cs[0]["claimant"] == claimant
    assert cs[0]["claimant_side"] == (actor.side if claimant == actor.name else side)


def test_an_ordinal_without_a_period_or_below_two_is_no_tally():
    assert extraction("The 4th Brigade fired rockets at the base on Monday.").tallies == []
    assert extraction("It was the 1st attack on US forces since October 17.").tallies == []


@pytest.mark.parametrize(
    "text, side",
    [
        ("The US strikes killed at least four pro-Iran fighters, a war monitor said.", "factions"),
        ("The raids killed 25 fighters of an Iran-backed armed group, officials said.", "factions"),
        ("Two Iraqi air defense soldiers were also badly hurt in the attack, officials said.", "iraq_gov"),
        ("Three Iranian advisers were killed in the strike, Tehran said.", "iran"),
    ],
)
def test_whose_men_the_victims_are(text, side):
    (c,) = [c for c in claims_of(text) if c["outcome"] in ("killed", "injured")]
    assert c["victim_side"] == side


def test_a_claim_counts_the_dead_of_an_attacks_target():
    # fighters killed are not the toll of the drone attack on a US base told after them
    x = extraction("A monitor said US jets struck a depot near al-Qaim on Monday. "
                   "Four fighters were killed, it said, as drones targeted the Harir base on Tuesday.")
    strike = next(i for i, e in enumerate(x.events) if e["attacker_side"] == "us")
    assert [(c["low"], c["event"]) for c in x.claims] == [(4, strike)]


def test_a_toll_told_before_any_attack_counts_the_next_one():
    x = extraction("At least 25 fighters were killed, the Hashd said.\n"
                   "US aircraft struck five sites near al-Qaim on Sunday.")
    assert [(c["low"], c["event"]) for c in x.claims] == [(25, 0)]
    assert x.claims[0]["date"] == dt.date(2024, 1, 28)


def test_the_attack_told_nearest_before_the_number_is_the_one_it_counts():
    x = extraction("The attack on Taji came three days after a similar rocket attack on the same camp "
                   "on Monday killed two contractors.")
    c = x.claims[0]
    assert x.events[c["event"]]["date"] == dt.date(2024, 1, 29)


def test_a_tally_over_the_past_weeks():
    x = extraction("There have been 14 attacks on Iraqi bases housing US troops over the past three weeks, officials said.")
    assert [(t["count"], t["target_side"], t["since"]) for t in x.tallies] == [(14, "us", PUB - dt.timedelta(days=21))]
    assert x.events == []


def test_soldiers_without_a_nationality():
    # the Iraqi army's soldiers, hit by a US strike, are not US troops
    x = extraction("US warplanes struck weapons depots near Karbala on Friday. The Iraqi army said the raids killed three "
                   "soldiers and two policemen.")
    assert [c["victim_side"] for c in x.claims] == ["iraq_gov"]
    x = extraction("Rockets hit the Victory base on Friday. The coalition said two soldiers were wounded.")
    assert [c["victim_side"] for c in x.claims] == ["us"]
    # an Iraqi contractor is a civilian, and a claim of its own beside a US service member's
    x = extraction("The attack wounded a US service member. A second attack on Saturday wounded an Iraqi contractor.")
    assert [c["victim_side"] for c in x.claims] == ["us", "civilians"]


def test_ranks_do_not_end_a_sentence():
    x = extraction("The barrage on Camp Taji on Monday killed Army Spc. Jon Doyle and Staff Sgt. Amir Hale, and wounded 14 others.")
    assert [(c["outcome"], c["low"], c["victim_side"]) for c in x.claims] == [("injured", 14, "us")]


def test_the_teller_not_the_outlet_told_is_the_claimant():
    x = extraction("Two fighters were killed when a US aircraft struck their truck near Abu Ghraib on Monday, "
                   "Iraqi security sources told Shafaq News.", outlet="Shafaq News")
    assert [(c["claimant"], c["claimant_side"]) for c in x.claims] == [("Iraqi security source", "iraq_gov")]
    # "according to" and a subject before the verb are unchanged
    x = extraction("Two fighters were killed in the strike, the Popular Mobilization Forces told reporters.")
    assert x.claims[0]["claimant_side"] == "factions"


@pytest.mark.parametrize(
    "text, claimants",
    [
        # the subject before the verb, not a mention past the comma after it
        ("Three US soldiers were killed and dozens were wounded in the drone attack, US Central Command said, "
         "the first US troops killed by enemy fire in the war.",
         [("US Central Command", "us"), ("US Central Command", "us")]),
        ("Two American soldiers were killed in the attack on the base, US officials said, the first US military deaths there.",
         [("US officials", "us")]),
        # nor one in the next sentence
        ("No soldiers were hurt in the attack, the coalition said.\nUS forces struck back on Friday.",
         [("Operation Inherent Resolve", "us")]),
        # "he said", "it said": the source of the sentence before
        ("Pentagon press secretary John Kirby told reporters that two drones were shot down.\n"
         "He said there were no injuries to US personnel.", [("John Kirby", "us")]),
        ("The Popular Mobilization Forces said the strike hit a depot near al-Qaim. Four fighters were killed, it said.",
         [("Popular Mobilization Forces", "factions")]),
        # a mention inside a quote is not the subject of the verb after it
        ("“US forces hit the launch site,” the Kataib Hezbollah spokesman said, adding that two fighters were killed.",
         [("Kata'ib Hezbollah", "factions")]),
    ],
)
def test_claimant_is_the_subject_of_the_attribution(text, claimants):
    assert [(c["claimant"], c["claimant_side"]) for c in claims_of(text)] == claimants


@pytest.mark.parametrize(
    "text, claimant",
    [
        # the spokesman named in full right before the verb is the source nearest the number
        ("Pentagon press secretary John Kirby said two soldiers were wounded.", "John Kirby"),
        ("No service members were hurt, Pentagon press secretary John Kirby told reporters.", "John Kirby"),
        ("The spokesman for the armed forces commander, Maj. Gen. Yehia Rasool, condemned the strikes, "
         "saying they killed one soldier.", "Yehia Rasool"),
        # his body named between him and the verb, or his surname alone: the body's number
        ("John Kirby, the Pentagon press secretary, said two soldiers were wounded.", "Pentagon"),
        ("Kirby said two soldiers were wounded in the attack.", "Pentagon"),
    ],
)
def test_spokesman_or_his_body_whichever_is_nearest(text, claimant):
    assert [c["claimant"] for c in claims_of(text)] == [claimant]


@pytest.mark.parametrize(
    "text, claimants",
    [
        # "the Resistance", "the group": the faction last named
        ("Kataib Hezbollah claimed a drone attack on the base.\n"
         "In a statement on Telegram, the group said the drone left several soldiers dead.", ["Kata'ib Hezbollah"]),
        ("The Islamic Resistance in Iraq claimed the attack on Monday.\n"
         "The Resistance said the operation had killed a number of occupation soldiers.", ["Islamic Resistance in Iraq"]),
        # a relative clause whose subject speaks attributes only itself
        ("The raid came days after the drone attack that killed three American soldiers, and after strikes "
         "that the Iraqi government said hit a clinic.", ["Reuters"]),
        ("The strikes, which the Pentagon said destroyed nine depots, answered a rocket attack that killed a contractor.",
         ["Reuters"]),
        # ... but governs what it says itself
        ("The jets hit depots that the Iraqi government said killed 16 people.", ["Iraqi government"]),
        # "which US officials claim killed ..."
        ("Tehran denied any role in the drone attack, which US officials claim killed three American soldiers.",
         ["US officials"]),
    ],
)
def test_group_nouns_and_relative_clauses(text, claimants):
    assert [c["claimant"] for c in claims_of(text)] == claimants


@pytest.mark.parametrize(
    "text, expected",
    [
        # a determiner counts a victim noun; "some" is an untold number
        ("A member of Kataib Hezbollah was killed in the strike.", [("killed", 1, 1, "exact", "factions")]),
        ("An American contractor died of a heart attack while sheltering.", [("killed", 1, 1, "exact", "us")]),
        ("The strike resulted in some enemy killed, US Central Command said.", [("killed", None, None, "vague", "factions")]),
        # words between the number and its outcome that do not part them
        ("More than 100 US troops were later diagnosed with brain injuries.", [("injured", 101, None, "over", "us")]),
        ("At least 34 soldiers had been assessed for possible traumatic brain injuries.",
         [("injured", 34, None, "at_least", "us")]),
        ("Two Iraqi soldiers serving in an air defense unit had been lightly wounded.",
         [("injured", 2, 2, "exact", "iraq_gov")]),
        ("Baghdad said 16 people, including civilians, were killed in the strikes.", [("killed", 16, 16, "exact", "civilians")]),
        # "left N X with injuries"
        ("The rockets left 21 American personnel with minor injuries.", [("injured", 21, 21, "exact", "us")]),
        ("The barrage hit the base, leaving several service members with concussion symptoms.",
         [("injured", None, None, "vague", "us")]),
        # "the number of X martyred ... has risen to N"
        ("The number of PMF members martyred in the strikes near the border has risen to 27.",
         [("killed", 27, 27, "exact", "factions")]),
        # "X mourned N of its fighters"
        ("Kataib Hezbollah mourned two of its fighters on Tuesday.", [("killed", 2, 2, "exact", "factions")]),
        # "causing injuries to X": an untold number
        ("The drones hit the base, causing minor injuries to coalition forces.", [("injured", None, None, "vague", "us")]),
        # a second object of the outcome, on another side, is another claim
        ("The rocket wounded four American soldiers and two Iraqi soldiers.",
         [("injured", 4, 4, "exact", "us"), ("injured", 2, 2, "exact", "iraq_gov")]),
        ("The attack killed three soldiers and two others were wounded.",
         [("killed", 3, 3, "exact", "us"), ("injured", 2, 2, "exact", "us")]),
        # ... on the same side (or not told apart), one claim of both
        ("The rockets killed two American soldiers and a British soldier.", [("killed", 3, 3, "exact", "us")]),
        ("The drone wounded a US service member and several other contractors.", [("injured", 1, None, "at_least", "us")]),
        # not claims
        ("A drone killed three people in the car.", [("killed", 3, 3, "exact", "unknown")]),
        ("Thousands mourned the commander at his funeral.", []),
        # "without causing casualties" tells none, a claim like "no casualties" (GUIDE)
        ("The strike was carried out without causing casualties among civilians.", [("casualties", 0, 0, "none", "civilians")]),
        ("A spokesman said the convoy was hit.", []),
        ("Can you tell us how many people were killed in the strike?", []),
        ("“Killing a senior commander in the capital crosses a line,” the analyst said.", []),
    ],
)
def test_counts_told_in_other_words(text, expected):
    got = [(c["outcome"], c["low"], c["high"], c["qualifier"], c["victim_side"]) for c in claims_of(text)]
    assert got == expected


def test_claimants_of_counts_told_in_other_words():
    assert [c["claimant"] for c in claims_of("Baghdad said 16 people, including civilians, were killed.")] == ["Iraqi government"]
    assert [c["claimant"] for c in claims_of("Kataib Hezbollah mourned two of its fighters on Tuesday.")] == ["Kata'ib Hezbollah"]
    # "although X claimed ..." is X's own clause
    x = claims_of("More than 100 US troops were later diagnosed with brain injuries, although the president claimed nobody was hurt.")
    assert x[0]["claimant"] == "Reuters"
    # "according to the same source": the source named before
    x = claims_of("An Iraqi security source said a missile hit the base.\n"
                  "According to the same source, there were no casualties among the Iraqi forces.")
    assert [(c["claimant"], c["claimant_side"]) for c in x] == [("Iraqi security source", "iraq_gov")]
    # an unnamed source of untold side
    x = claims_of("The missiles hit the base, causing casualties among the American forces, according to informed sources.")
    assert [(c["claimant"], c["claimant_side"]) for c in x] == [("informed sources", "unknown")]


@pytest.mark.parametrize(
    "text, side",
    [
        # the dots of "U.S." do not end the victims
        ("An earlier rocket attack on the airport wounded a U.S. service member.", "us"),
        ("A rocket wounded a U.S. Army soldier near the gate.", "us"),
        # victims told after the outcome: the shortest run that tells a side
        ("The missile caused minor damage, and there were no casualties among the Iraqi forces stationed there.", "iraq_gov"),
        ("There were no injuries to US personnel in those attacks.", "us"),
    ],
)
def test_victims_past_abbreviations_and_after_the_outcome(text, side):
    assert [c["victim_side"] for c in claims_of(text)] == [side]


def test_a_lede_number_given_by_a_named_source_soon_after_is_that_source_claim():
    text = ("A civilian contractor was killed and nine other people were wounded when rockets hit the airport, officials said.\n"
            "The rockets landed at around 9 pm.\n"
            "The coalition said that one civilian contractor was killed and nine others were wounded.")
    got = [(c["claimant"], c["outcome"], c["low"]) for c in claims_of(text, outlet="Rudaw", side="media")]
    assert got == [("Operation Inherent Resolve", "killed", 1), ("Operation Inherent Resolve", "injured", 9)]
    # a party publishing its own release keeps its own claim beside a quote repeating it
    text = ("The attack on the outpost killed three U.S. service members.\n"
            "“Three American service members were killed,” Biden said.")
    got = [c["claimant"] for c in claims_of(text, outlet="US Central Command", side="us")]
    assert got == ["US Central Command", "Joe Biden"]
    # a number far from the source's is the outlet's own
    text = ("An earlier attack killed a civilian contractor.\nThe base was hit again.\nIt was struck twice.\n"
            "Repairs began.\nThe coalition said one civilian contractor was killed in a later blast.")
    assert [c["claimant"] for c in claims_of(text, outlet="Rudaw", side="media")] == ["Rudaw", "Operation Inherent Resolve"]


@pytest.mark.parametrize(
    "text, outlet, side, claimant",
    [
        # a count in the outlet's own voice is the outlet's, whoever carried the attacks out
        ("Since October, the Iraqi resistance has carried out more than 150 attacks against US bases in Iraq and Syria.",
         "Press TV", "iran", "Press TV"),
        # "according to figures it has published": the body opening the sentence
        ("The Islamic Resistance in Iraq claimed the drone attack.\n"
         "The resistance has carried out more than 160 operations against US bases since October, "
         "according to figures it has published.", "Al Mayadeen", "iran", "Islamic Resistance in Iraq"),
        # a summary of a body's own operations is its count
        ("Summary of the operations of the Islamic Resistance in Iraq since 18 October 2023: 16 operations against US bases.",
         "Rudaw", "media", "Islamic Resistance in Iraq"),
    ],
)
def test_tally_claimants(text, outlet, side, claimant):
    x = extraction(text, outlet=outlet, side=side)
    assert [t["claimant"] for t in x.tallies] == [claimant]


def test_transcript_turns_and_the_statement():
    # a transcript's speaker label gives the claimant of its paragraph
    text = ("Q: Was the strike a response to Erbil?\n"
            "MR. KIRBY: It was a response to the attack in Erbil, which killed a civilian contractor and wounded "
            "a U.S. service member.")
    assert {c["claimant"] for c in claims_of(text, outlet="US Department of Defense", side="us")} == {"John Kirby"}
    # "according to the statement": whoever issued it, told before
    text = ("The number of PMF members killed in the US strikes has risen to 25, the Hashd's media office announced.\n"
            "More than 50 others were also wounded in the attack, according to the statement.")
    assert [c["claimant"] for c in claims_of(text, outlet="Mehr News Agency", side="iran")] == [
        "Popular Mobilization Forces", "Popular Mobilization Forces"]


@pytest.mark.parametrize(
    "text, claimant, side",
    [
        # people the gazetteer does not know claim too, with the side of their role
        ("Kamal Hassan, the police chief of Hilla, said two soldiers were wounded in the strike.", "Kamal Hassan", "iraq_gov"),
        ("Two soldiers were wounded in the strike, Hilla police chief Kamal Hassan said.", "Kamal Hassan", "iraq_gov"),
        # ", said the police spokesman, Col. X"
        ("Two soldiers were wounded in the strike, said the police spokesman, Col. Kamal Hassan.", "Kamal Hassan", "iraq_gov"),
        # "Ali al-X" is not the gazetteer's "Kadhim al-X"
        ("Ali al-Fartousi, a member of the political bureau of Asaib Ahl al-Haq, said three fighters were killed.",
         "Ali al-Fartousi", "factions"),
    ],
)
def test_claimants_the_gazetteer_does_not_know(text, claimant, side):
    assert [(c["claimant"], c["claimant_side"]) for c in claims_of(text, outlet="Rudaw")] == [(claimant, side)]


@pytest.mark.parametrize(
    "text, claimant, side",
    [
        # an unnamed source qualified by a word its alias lacks is that qualified source
        ("Two soldiers were wounded, US security officials said.", "US security officials", "us"),
        ("Two contractors were lightly injured, a Kurdish security source said.", "Kurdish security source", "iraq_gov"),
        # unqualified, or qualified in the alias itself, it is the gazetteer's
        ("Two soldiers were wounded, an Iraqi security source said.", "Iraqi security source", "iraq_gov"),
        ("Security sources said two soldiers were wounded.", "Iraqi security source", "iraq_gov"),
        ("The security source said two soldiers were wounded.", "Iraqi security source", "iraq_gov"),
    ],
)
def test_qualified_unnamed_sources(text, claimant, side):
    assert [(c["claimant"], c["claimant_side"]) for c in claims_of(text, outlet="Rudaw")] == [(claimant, side)]
