"""Claims and tallies, round 6: victims, zero cues, figures, coordinated counts, tallies. Sentences
written for these tests."""

import datetime as dt

import pytest

from extracting import extraction

PUB = dt.date(2024, 1, 31)


def claims_of(text: str, outlet: str = "Reuters", side: str = "media") -> list[dict]:
    return extraction(text, published=PUB, outlet=outlet, side=side).claims


def one_claim(text: str, **kw) -> dict:
    cs = claims_of(text, **kw)
    assert len(cs) == 1, [(c["snippet"], c["low"]) for c in cs]
    return cs[0]


def tallies_of(text: str, outlet: str = "Reuters", side: str = "media") -> list[dict]:
    return extraction(text, published=PUB, outlet=outlet, side=side).tallies


# --- victims -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, side",
    [
        # the claimant's own: "its soldiers" of the coalition are US troops
        ("The US-led coalition said none of its soldiers had been hurt in the drone attack.", "us"),
        ("The coalition said that two of its troops suffered minor wounds.", "us"),
        ("Kata'ib Hezbollah said three of its members were killed in the raid.", "factions"),
        ("The Iraqi army said that one of its officers was wounded at the checkpoint.", "iraq_gov"),
    ],
)
def test_the_claimants_own_victims(text, side):
    assert one_claim(text)["victim_side"] == side


def test_its_victims_in_the_outlets_own_voice_are_not_the_outlets():
    # no attribution: "its" is the Pentagon's, not the publishing channel's
    c = one_claim("The Pentagon admits the killing of three of its soldiers.", outlet="Sabereen News", side="factions")
    assert c["victim_side"] == "us"


@pytest.mark.parametrize(
    "text, side",
    [
        ("A militia source said only one fighter had been killed.", "factions"),
        ("Local officials said a militant was killed in the raid.", "factions"),
    ],
)
def test_singular_victim_nouns(text, side):
    assert one_claim(text)["victim_side"] == side


@pytest.mark.parametrize(
    "text, side",
    [
        ("Faction sources spoke of dozens of casualties among the American soldiers.", "us"),
        ("The channel reported heavy casualties among the occupation troops.", "us"),
    ],
)
def test_victims_after_a_noun_outcome(text, side):
    assert one_claim(text)["victim_side"] == side


def test_other_fighters_are_of_the_victims_told_before():
    text = ("Four fighters of the Syrian Democratic Forces were killed in the drone attack, the group said. "
            "A spokesman told reporters that a number of other fighters were wounded.")
    cs = claims_of(text)
    assert [c["low"] for c in cs] == [4, None]
    assert cs[1]["victim_side"] == cs[0]["victim_side"] == "unknown"


def test_other_victims_with_their_own_nationality_keep_it():
    text = ("Two Kata'ib Hezbollah fighters were killed in the strike. "
            "Officials said three other Iraqi soldiers were wounded.")
    assert [c["victim_side"] for c in claims_of(text)] == ["factions", "iraq_gov"]


@pytest.mark.parametrize(
    "second",
    [
        "Monitors said 14 people were killed in that strike.",
        "Iraqi officials said the raid killed three people, including two bodyguards.",
    ],
)
def test_people_killed_in_an_attack_told_before(second):
    text = ("US warplanes struck a Kata'ib Hezbollah weapons depot near al-Qaim on Friday. "
            "The Pentagon said the site was used to store drones. " + second)
    assert claims_of(text)[-1]["victim_side"] == "factions"


def test_people_with_no_attack_named_stay_unknown():
    assert one_claim("Witnesses said three people were killed.")["victim_side"] == "unknown"


# --- zero cues ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, outcome",
    [
        ("Two rockets fell inside the base without causing casualties.", "casualties"),
        ("A security source said the drone hit a warehouse, causing material damage without casualties.", "casualties"),
        ("The drone struck the airport without causing any injuries, officials said.", "injured"),
        ("We're not aware of any civilians being killed or injured, the spokesman said.", "casualties"),
        ("Officials said they were not aware of any US personnel being hurt.", "injured"),
    ],
)
def test_zero_cues(text, outcome):
    c = one_claim(text)
    assert (c["low"], c["high"], c["qualifier"], c["outcome"]) == (0, 0, "none", outcome)


def test_without_warning_is_no_zero():
    c = one_claim("The rockets struck without warning and two soldiers were killed.")
    assert (c["low"], c["qualifier"]) == (2, "exact")


# --- figures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, low",
    [
        ("The Syrian Observatory for Human Rights put the toll at 22.", 22),
        ("The monitor put the death toll at 17 on Saturday.", 17),
    ],
)
def test_put_the_toll_at(text, low):
    c = one_claim(text)
    assert (c["low"], c["outcome"]) == (low, "killed")


def test_victims_appended_to_a_figure():
    c = one_claim("The monitor put the number of dead at 14, most of them members of Kata'ib Hezbollah.")
    assert (c["low"], c["victim_side"]) == (14, "factions")


def test_two_counts_in_one_figure_are_two_claims():
    cs = claims_of("A US official put the number of injured at four service members and three contractors.")
    assert [(c["low"], c["outcome"], c["victim_side"]) for c in cs] == [(4, "injured", "us"), (3, "injured", "us")]


def test_two_vague_counts_in_different_words_are_two_claims():
    text = ("The attacks injured several American personnel, the Pentagon said. "
            "The Pentagon said dozens of American troops have been treated for concussions.")
    assert [c["snippet"].split()[0] for c in claims_of(text)][-1] == "dozens"
    assert len(claims_of(text)) == 2


def test_the_same_vague_count_told_twice_is_one_claim():
    text = ("Several US soldiers were wounded, the Pentagon said. "
            "The Pentagon said several US soldiers were wounded in the attack.")
    assert len(claims_of(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Residents said several passers-by were hurt by flying glass.",
        "Witnesses said four passers-by were wounded.",
    ],
)
def test_passers_by(text):
    assert one_claim(text)["victim_side"] == "civilians"


def test_a_named_actor_counts_as_one_word_between_number_and_outcome():
    c = one_claim("Five members of the border units of the Popular Mobilization Forces were killed late Sunday.")
    assert (c["low"], c["victim_side"]) == (5, "factions")


# --- coordinated counts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lows",
    [
        # the nationality of one group told, not of the other: two claims
        ("An American official said that four American service members and two contractors had been wounded.", [4, 2]),
        ("The rockets wounded three US soldiers and two contractors.", [3, 2]),
        # both told, of one side: one claim of both
        ("Five U.S. service members and two U.S. contractors were hurt, a defense official said.", [7]),
        # neither told: one claim of both
        ("Officials said five soldiers and two contractors had been wounded.", [7]),
        # "other": more of the same
        ("The attack wounded a US service member and several other contractors.", [1]),
    ],
)
def test_coordinated_counts(text, lows):
    assert [c["low"] for c in claims_of(text)] == lows


# --- tallies -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, count",
    [
        ("Pentagon officials say militias have attacked US forces in Iraq and Syria more than 140 times since Oct. 17.", 141),
        ("The Pentagon says militants have attacked U.S. forces in Iraq, Syria and Jordan more than 170 times since mid-October.", 171),
        ("Militants have targeted American troops at bases across the region 60 times since October 17.", 60),
    ],
)
def test_attacked_with_a_long_object(text, count):
    ts = tallies_of(text)
    assert [(t["count"], t["target_side"], t["claimant_side"]) for t in ts] == [(count, "us", "us" if "Pentagon" in text else "media")]


def test_attacked_n_times_needs_the_verb_near():
    assert tallies_of("The base was hit by rockets in March, and the officials counted 30 times the alarm sounded since October.") == []


def test_a_period_between_two_months():
    ts = tallies_of("Iran-backed militias carried out nearly 170 attacks on U.S. troops in Iraq and Syria "
                    "between October 2023 and early February, according to Pentagon figures.")
    assert [(t["count"], t["qualifier"], t["since"].month, t["claimant_side"]) for t in ts] == [(170, "approx", 10, "us")]


@pytest.mark.parametrize(
    "words, day",
    [("the eighteenth of October", 18), ("the twenty-first of October", 21), ("the 19th of October", 19)],
)
def test_an_ordinal_day_before_a_month(words, day):
    ts = tallies_of(f"Since {words}, the Islamic Resistance in Iraq has carried out more than 150 operations against the occupation bases.")
    assert [(t["since"], t["count"]) for t in ts] == [(dt.date(2023, 10, day), 151)]


def test_an_ordinal_of_us_strikes_counts_attacks_on_the_factions():
    ts = tallies_of("This is the third American strike on Iraqi territory since the war in Gaza began.")
    assert [(t["count"], t["target_side"]) for t in ts] == [(3, "factions")]


def test_an_ordinal_of_attacks_on_us_forces_stays_us():
    ts = tallies_of("It was the 60th attack on US forces since October 17.")
    assert [(t["count"], t["target_side"]) for t in ts] == [(60, "us")]


def test_a_bodys_media_office_claims_in_its_own_name_and_side():
    out = "Harakat al-Nujaba media office (translated)"
    ts = tallies_of("Since the start of the war, the Islamic Resistance in Iraq has carried out more than 150 "
                    "operations against the occupation.", outlet=out, side="media")
    assert [(t["claimant"], t["claimant_side"]) for t in ts] == [("Harakat al-Nujaba", "factions")]
    c = one_claim("The enemy suffered dozens of casualties.", outlet=out, side="media")
    assert (c["claimant"], c["claimant_side"]) == ("Harakat al-Nujaba", "factions")


# --- claimants ---------------------------------------------------------------------------------


def test_a_transcript_turn_goes_on_in_paragraphs_without_a_label():
    text = ("MR. KIRBY: Good afternoon. A couple of things at the top.\n\n"
            "Last night US forces struck a depot in Syria. At this time we're not aware of any civilians being hurt.\n\n"
            "Q: Thanks, John. Iraqi officials are saying two people were killed in that strike. Can you confirm?")
    cs = claims_of(text, outlet="Federal News Service")
    assert [(c["claimant"], c["claimant_side"]) for c in cs] == [("John Kirby", "us"), ("Iraqi officials", "iraq_gov")]


def test_a_paragraph_with_no_transcript_label_before_is_the_outlets():
    c = one_claim("Officials met on Monday.\n\nAt this time no civilians were hurt.", outlet="Federal News Service")
    assert c["claimant"] == "Federal News Service"


@pytest.mark.parametrize(
    "text, claimant, side",
    [
        ("Iraqi security officials identified the commander as a senior member of the group, and said the strike killed "
         "three people.", "Iraqi security source", "iraq_gov"),  # the gazetteer's name of "security officials"
        ("The Pentagon named the two soldiers on Tuesday and said four others were wounded.", "Pentagon", "us"),
    ],
)
def test_said_after_and_shares_the_sentences_subject(text, claimant, side):
    cs = claims_of(text)
    assert (cs[-1]["claimant"], cs[-1]["claimant_side"]) == (claimant, side)


def test_said_after_and_with_its_own_subject():
    c = one_claim("The army closed the road, and a police officer said two people were hurt.")
    assert c["claimant_side"] == "iraq_gov"


@pytest.mark.parametrize(
    "outlet, claimant",
    [("Al-Quds (English translation)", "Al-Quds"), ("Rudaw (translated)", "Rudaw"), ("Tigris Wire Agency (TWA)", "Tigris Wire Agency (TWA)")],
)
def test_the_outlets_own_claim_without_the_catalogs_note(outlet, claimant):
    assert one_claim("Two rockets struck the base, wounding three soldiers.", outlet=outlet)["claimant"] == claimant


@pytest.mark.parametrize(
    "text, side",
    [
        ("Syria-based monitors said 14 people were killed in the raid.", "media"),
        ("Residents of the old quarter, where the car was hit, said four passers-by were wounded.", "unknown"),
        ("Witnesses told reporters that two children were hurt.", "unknown"),
        ("Sources in the factions spoke of dozens of casualties among the American soldiers.", "factions"),
        ("He dismissed the figure given by the Syrian Observatory for Human Rights, which spoke of 19 dead.", "media"),
    ],
)
def test_unnamed_sources_and_what_they_spoke_of(text, side):
    assert one_claim(text, outlet="IRNA", side="iran")["claimant_side"] == side


def test_spoke_of_with_no_source_is_the_outlets():
    assert one_claim("The report spoke of heavy casualties.", outlet="IRNA", side="iran")["claimant_side"] == "iran"


def test_a_us_sources_service_members_are_us_troops():
    text = ("US aircraft struck militia sites in al-Qaim on Friday. "
            "The Pentagon said the number of service members injured in the base attack now stands at more than 30.")
    assert claims_of(text)[-1]["victim_side"] == "us"


def test_soldiers_with_no_nationality_in_a_strike_on_the_factions_told_by_iraqis():
    text = ("US aircraft struck militia sites in al-Qaim on Friday. "
            "An Iraqi security source said three soldiers were killed in the strike.")
    assert claims_of(text)[-1]["victim_side"] == "iraq_gov"


@pytest.mark.parametrize(
    "claimant, side",
    [("The Popular Mobilization Authority", "factions"), ("Kata'ib Hezbollah", "factions")],
)
def test_martyrs_of_a_party_are_its_own(claimant, side):
    text = ("Rockets struck the Ain al-Asad air base on Monday, wounding five US troops. "
            f"{claimant} said that the three martyrs had been on duty at a checkpoint.")
    assert claims_of(text)[-1]["victim_side"] == side


def test_martyrs_told_by_the_outlet_keep_the_attacks_side():
    text = "Rockets struck the Ain al-Asad air base on Monday. The two martyrs were Iraqi guards."
    assert one_claim(text)["victim_side"] != "factions"


def test_the_outlets_figure_after_anothers_is_its_own():
    text = ("A US official said five American troops were wounded in the base attack.\n\n"
            "A week earlier a US strike hit a PMF post, killing four of them. "
            "The Popular Mobilization Authority said the four martyrs were performing their duties.")
    assert [c["claimant"] for c in claims_of(text)][-2:] == ["Reuters", "Popular Mobilization Forces"]


def test_a_lede_before_any_source_is_the_sources():
    text = ("Four fighters were killed in a US strike near al-Qaim. "
            "The Popular Mobilization Authority said four fighters were killed in the strike.")
    assert [c["claimant"] for c in claims_of(text)] == ["Popular Mobilization Forces"]


@pytest.mark.parametrize(
    "text, low, side",
    [
        ("Kataib Hezbollah said it lost one man in the raid.", 1, "factions"),
        ("The group said it lost two of its fighters near the border.", 2, "factions"),
        ("The coalition said it lost three soldiers in the attack.", 3, "us"),
    ],
)
def test_lost_n_men(text, low, side):
    c = one_claim(text)
    assert (c["low"], c["outcome"], c["victim_side"]) == (low, "killed", side)


@pytest.mark.parametrize(
    "text",
    ["The US military said it lost two drones over Yemen.", "The army lost contact with the patrol.",
     "The faction said it lost two positions."],
)
def test_lost_things_is_no_claim(text):
    assert claims_of(text) == []


def test_lost_their_lives_is_read_in_any_sentence():
    c = one_claim("Officials recalled the strike last month, in which eight Hashd fighters lost their lives.")
    assert (c["low"], c["outcome"], c["victim_side"]) == (8, "killed", "factions")


@pytest.mark.parametrize(
    "text, claimant",
    [
        # the clause recalls an attack in the outlet's own words
        ("US jets struck two depots in Iraq, the Pentagon announced, in retaliation for a drone attack that "
         "wounded four American troops.", "Reuters"),
        ("A US strike in Baghdad hit a vehicle of the militia blamed for the rocket attack that killed two American "
         "soldiers last month, US officials said.", "Reuters"),
        # the speaker's own account governs the clause
        ("US officials said the raid answered a rocket attack on a base near Kirkuk, which killed a US contractor.",
         "US officials"),
        ("The Pentagon said the strikes were a response to the attack in which three American soldiers were killed.",
         "Pentagon"),
    ],
)
def test_a_count_recalled_in_a_clause_on_an_attack(text, claimant):
    assert claims_of(text)[-1]["claimant"] == claimant


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("A source in the PMF told reporters that two fighters had been killed.", "PMF source"),
        ("A source in the Popular Mobilization Forces (PMF) said three fighters were wounded.", "PMF source"),
        ("A field source in the Hashd said one fighter was killed in the raid.", "Hashd field source"),
    ],
)
def test_a_source_inside_a_body(text, claimant):
    c = one_claim(text)
    assert (c["claimant"], c["claimant_side"]) == (claimant, "factions")


def test_the_source_refers_back_to_a_source_inside_a_body():
    text = ("Jets bombed the post overnight, according to what a field source in the Hashd told the agency. "
            "The source said the raid killed one fighter.")
    c = claims_of(text)[-1]
    assert (c["claimant"], c["claimant_side"]) == ("Hashd field source", "factions")


def test_officials_from_a_body_speak_for_it():
    c = one_claim("Two officials from Kataib Hezbollah told local media that three people were killed in the strike.")
    assert (c["claimant"], c["claimant_side"]) == ("Kata'ib Hezbollah", "factions")


def test_one_of_the_injured_who_died_is_no_count_of_the_injured():
    cs = claims_of("Local sources said the toll had risen to five dead, after one of the injured died of his wounds.")
    assert [(c["low"], c["outcome"]) for c in cs] == [(5, "killed")]


def test_some_of_the_injured_elsewhere_are_a_count():
    cs = claims_of("Officials said twelve of the injured were treated at the base hospital.")
    assert [(c["low"], c["outcome"]) for c in cs] == [(12, "injured")]


def test_the_factions_at_large_are_not_the_last_group_named():
    text = ("US officials said the base was hit by two rockets. "
            "A platform close to the factions claimed that the attack had caused “dozens of dead and wounded among the "
            "occupation soldiers”, without evidence.")
    c = claims_of(text)[-1]
    assert (c["low"], c["claimant_side"]) == (None, "factions")


def test_the_group_still_refers_back_to_the_faction_named():
    text = "Kataib Hezbollah fighters clashed with police. The group said two of its members were killed."
    assert claims_of(text)[-1]["claimant"] == "Kata'ib Hezbollah"


@pytest.mark.parametrize(
    "text, outcome, side",
    [
        ("The aircraft bombed the headquarters, a crime that claimed martyrs and wounded among the mujahideen.",
         "casualties", "factions"),
        ("The raid, which claimed martyrs among the fighters, was condemned by the movement.", "killed", "factions"),
        ("The rockets struck the base, causing minor injuries to coalition troops.", "injured", "us"),
    ],
)
def test_untold_counts_after_a_verb(text, outcome, side):
    c = one_claim(text, outlet="Harakat al-Nujaba media office (translated)")
    assert (c["low"], c["qualifier"], c["outcome"], c["victim_side"], c["claimant"]) == (
        None, "vague", outcome, side, "Harakat al-Nujaba")


def test_claimed_responsibility_is_no_count():
    assert claims_of("The Islamic Resistance in Iraq claimed the attack, which wounded no one.")[0]["low"] == 0
    assert claims_of("The group claimed responsibility for the drone attack on the base.") == []


def test_soldiers_with_no_nationality_are_the_american_soldiers_told_elsewhere():
    text = ("Strike follows the deaths of three soldiers in Jordan\n\n"
            "A US drone strike in Baghdad on Wednesday hit a militia commander. "
            "The militia is blamed for the drone attack that killed three American soldiers in Jordan last month.")
    cs = claims_of(text, outlet="The Wall Street Journal")
    assert [(c["low"], c["victim_side"]) for c in cs] == [(3, "us")]


def test_soldiers_with_no_nationality_near_a_strike_on_the_factions_stay_iraqi():
    text = ("A US drone strike in Baghdad on Wednesday hit a militia commander. "
            "Police said two soldiers were wounded at a checkpoint nearby.")
    assert claims_of(text)[-1]["victim_side"] == "iraq_gov"


def test_a_claim_of_an_article_with_no_outlet():
    from workbench.extract import extract_article
    x = extract_article("t", "Rockets hit Erbil.\nNo one was hurt.", published=None, outlet=None, outlet_side=None)
    assert [(c["low"], c["claimant"]) for c in x.claims] == [(0, None)]


@pytest.mark.parametrize(
    "text, side",
    [
        ("The Pentagon said the strike on Kataib Hezbollah killed two of its commanders.", "factions"),
        ("US officials said the militia lost two of its fighters in the raid.", "factions"),
        ("The Pentagon said the group suffered heavy losses, with three of its members killed.", "factions"),
    ],
)
def test_its_of_another_body_named_after_the_claimant(text, side):
    assert one_claim(text)["victim_side"] == side
