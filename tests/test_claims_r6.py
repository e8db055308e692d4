"""Claims and tallies, round 6: victims, zero cues, figures, coordinated counts, tallies. Sentences
written for these tests."""

import datetime as dt

import pytest

from extracting import claims_of, one_claim, tallies_of


# --- victims -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, side",
    [
        # the claimant's own: "its soldiers" of the coalition are US troops
        ("The coalition reported that none of its troops were harmed or hurt when the drone struck.", "us"),
        ("The coalition said that two of its troops suffered minor wounds.", "us"),
        ("Kata'ib Hezbollah said three of its members were killed in the raid.", "factions"),
        ("The Iraqi army said that one of its officers was wounded at the checkpoint.", "iraq_gov"),
    ],
)
def test_the_claimants_own_victims(text, side):
    assert one_claim(text)["victim_side"] == side


def test_its_victims_in_the_outlets_own_voice_are_not_the_outlets():
    # no attribution: "its" is the Pentagon's, not the publishing channel's
    c = one_claim("Washington concedes the killing of two of its marines.", outlet="Sabereen News", side="factions")
    assert c["victim_side"] == "us"


@pytest.mark.parametrize(
    "text, side",
    [
        ("A militia source insisted a single fighter died in the shelling.", "factions"),
        ("Local officials said a militant was killed in the raid.", "factions"),
    ],
)
def test_singular_victim_nouns(text, side):
    assert one_claim(text)["victim_side"] == side


@pytest.mark.parametrize(
    "text, side",
    [
        ("The statement boasted of scores of casualties among the US troops at the airport.", "us"),
        ("The channel reported heavy casualties among the occupation troops.", "us"),
    ],
)
def test_victims_after_a_noun_outcome(text, side):
    assert one_claim(text)["victim_side"] == side


def test_other_fighters_are_of_the_victims_told_before():
    text = ("The Syrian Democratic Forces said four of their commandos died when a drone hit the camp. "
            "Its press officer added that several other commandos were injured.")
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
        "A war monitor counted 14 people dead in that strike.",
        "Provincial officials said the raid killed four people, two of them drivers.",
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
        ("A Katyusha landed near the runway without causing any casualties.", "casualties"),
        ("A police source said the drone set a warehouse on fire, leaving some damage but without casualties.", "casualties"),
        ("The drone struck the airport without causing any injuries, officials said.", "injured"),
        ("So far we are not aware of any bystanders being killed or injured, the general told reporters.", "casualties"),
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
        ("The Britain-based monitor put the toll at 31 by Sunday evening.", 31),
        ("The monitor put the death toll at 17 on Saturday.", 17),
    ],
)
def test_put_the_toll_at(text, low):
    c = one_claim(text)
    assert (c["low"], c["outcome"]) == (low, "killed")


def test_victims_appended_to_a_figure():
    c = one_claim("The observatory put the number of the dead at 14, almost all of them members of Kata'ib Hezbollah.")
    assert (c["low"], c["victim_side"]) == (14, "factions")


def test_two_counts_in_one_figure_are_two_claims():
    cs = claims_of("A defense official placed the number of wounded at four US sailors and three contractors.")
    assert [(c["low"], c["outcome"], c["victim_side"]) for c in cs] == [(4, "injured", "us"), (3, "injured", "us")]


def test_two_vague_counts_in_different_words_are_two_claims():
    text = ("The barrages wounded several US sailors, the Navy said. "
            "The Navy said scores of US sailors have been evaluated for concussion symptoms.")
    assert [c["snippet"].split()[0] for c in claims_of(text)][-1] == "scores"
    assert len(claims_of(text)) == 2


def test_the_same_vague_count_told_twice_is_one_claim():
    text = ("Several US soldiers were wounded, the Pentagon said. "
            "The Pentagon said several US soldiers were wounded in the attack.")
    assert len(claims_of(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Shopkeepers said several passers-by were hurt when windows shattered.",
        "Witnesses said four passers-by were wounded.",
    ],
)
def test_passers_by(text):
    assert one_claim(text)["victim_side"] == "civilians"


def test_a_named_actor_counts_as_one_word_between_number_and_outcome():
    c = one_claim("Five members of the engineering wing of the Popular Mobilization Forces died at dawn.")
    assert (c["low"], c["victim_side"]) == (5, "factions")


# --- coordinated counts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lows",
    [
        # the nationality of one group told, not of the other: two claims
        ("A Pentagon official said that four American airmen and two contractors were hurt in the blast.", [4, 2]),
        ("The rockets wounded three US soldiers and two contractors.", [3, 2]),
        # both told, of one side: one claim of both
        ("Three U.S. airmen and two U.S. contractors suffered injuries, a defense official said.", [5]),
        # neither told: one claim of both
        ("Officials said six soldiers and three contractors were hurt.", [9]),
        # "other": more of the same
        ("The mortar round injured an American airman and several other contractors.", [1]),
    ],
)
def test_coordinated_counts(text, lows):
    assert [c["low"] for c in claims_of(text)] == lows


# --- tallies -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, count",
    [
        ("Defense officials say proxies have struck American personnel in eastern Syria and western Iraq more than 140 times since Oct. 20.", 141),
        ("The Pentagon says gunmen have attacked U.S. troops across Iraq, Syria and Kuwait more than 170 times since late October.", 171),
        ("Militants have targeted American troops at bases across the region 60 times since October 17.", 60),
    ],
)
def test_attacked_with_a_long_object(text, count):
    ts = tallies_of(text)
    assert [(t["count"], t["target_side"], t["claimant_side"]) for t in ts] == [(count, "us", "us" if "Pentagon" in text else "media")]


def test_attacked_n_times_needs_the_verb_near():
    assert tallies_of("The base was hit by rockets in March, and the officials counted 30 times the alarm sounded since October.") == []


def test_a_period_between_two_months():
    ts = tallies_of("Proxy groups staged almost 170 attacks on U.S. bases in the region "
                    "between November 2023 and late March, according to Pentagon data.")
    assert [(t["count"], t["qualifier"], t["since"].month, t["claimant_side"]) for t in ts] == [(170, "approx", 11, "us")]


@pytest.mark.parametrize(
    "words, day",
    [("the eighteenth of October", 18), ("the twenty-first of October", 21), ("the 19th of October", 19)],
)
def test_an_ordinal_day_before_a_month(words, day):
    ts = tallies_of(f"Since {words}, our mujahideen have conducted more than 150 operations against the enemy's bases.")
    assert [(t["since"], t["count"]) for t in ts] == [(dt.date(2023, 10, day), 151)]


def test_an_ordinal_of_us_strikes_counts_attacks_on_the_factions():
    ts = tallies_of("It was the third American strike inside Iraq since the autumn.")
    assert [(t["count"], t["target_side"]) for t in ts] == [(3, "factions")]


def test_an_ordinal_of_attacks_on_us_forces_stays_us():
    ts = tallies_of("It was the 60th attack on US forces since October 17.")
    assert [(t["count"], t["target_side"]) for t in ts] == [(60, "us")]


def test_a_bodys_media_office_claims_in_its_own_name_and_side():
    out = "Harakat al-Nujaba media office (translated)"
    ts = tallies_of("Since the start of the war, our fighters have launched more than 150 "
                    "operations against the invaders.", outlet=out, side="media")
    assert [(t["claimant"], t["claimant_side"]) for t in ts] == [("Harakat al-Nujaba", "factions")]
    c = one_claim("The enemy suffered dozens of casualties.", outlet=out, side="media")
    assert (c["claimant"], c["claimant_side"]) == ("Harakat al-Nujaba", "factions")


# --- claimants ---------------------------------------------------------------------------------


def test_a_transcript_turn_goes_on_in_paragraphs_without_a_label():
    text = ("MR. KIRBY: Good afternoon. Two items before questions.\n\n"
            "Last night US forces struck a depot in Syria. So far we are not aware of any bystanders being hurt.\n\n"
            "Q: Thank you. Syrian officials reported that two people died in that strike. Is that accurate?")
    cs = claims_of(text, outlet="Federal News Service")
    assert [(c["claimant"], c["claimant_side"]) for c in cs] == [("John Kirby", "us"), ("Syrian sources", "syria")]  # the gazetteer's name


def test_a_paragraph_with_no_transcript_label_before_is_the_outlets():
    c = one_claim("Officials met on Monday.\n\nAt this time no civilians were hurt.", outlet="Federal News Service")
    assert c["claimant"] == "Federal News Service"


@pytest.mark.parametrize(
    "text, claimant, side",
    [
        ("Iraqi security officials named the dead man as a logistics chief of the group, and said the blast killed "
         "four people.", "Iraqi security source", "iraq_gov"),  # the gazetteer's name of "security officials"
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
        ("London-based monitors said 14 people died in the raid.", "media"),
        ("Residents of the old quarter, where the truck burned, said four passers-by were wounded.", "unknown"),
        ("Witnesses told reporters that two children were hurt.", "unknown"),
        ("Sources in the armed factions spoke of scores of casualties among the US marines.", "factions"),
        ("She rejected the tally of the monitor SOHR, which spoke of 19 dead.", "media"),
    ],
)
def test_unnamed_sources_and_what_they_spoke_of(text, side):
    assert one_claim(text, outlet="IRNA", side="iran")["claimant_side"] == side


def test_spoke_of_with_no_source_is_the_outlets():
    assert one_claim("The report spoke of heavy casualties.", outlet="IRNA", side="iran")["claimant_side"] == "iran"


def test_a_us_sources_service_members_are_us_troops():
    text = ("US aircraft struck militia sites in al-Qaim on Friday. "
            "The Pentagon said the number of service members hurt in the drone attack on the outpost has climbed to 30.")
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
            "Days before, a US drone hit a PMF checkpoint, killing three of them. "
            "The Popular Mobilization Authority said the three martyrs were guarding a bridge.")
    assert [c["claimant"] for c in claims_of(text)][-2:] == ["Reuters", "Popular Mobilization Forces"]


def test_a_lede_before_any_source_is_the_sources():
    text = ("Four fighters were killed in a US strike near al-Qaim. "
            "The Popular Mobilization Authority said four fighters were killed in the strike.")
    assert [c["claimant"] for c in claims_of(text)] == ["Popular Mobilization Forces"]


@pytest.mark.parametrize(
    "text, low, side",
    [
        ("Kataib Hezbollah admitted it lost one man during the bombing.", 1, "factions"),
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
    c = one_claim("Officials recalled the raid in April, in which six Hashd fighters lost their lives.")
    assert (c["low"], c["outcome"], c["victim_side"]) == (6, "killed", "factions")


@pytest.mark.parametrize(
    "text, claimant",
    [
        # the clause recalls an attack in the outlet's own words
        ("US jets hit two depots in Syria, the Defense Department said, in reply to a drone attack that "
         "wounded four American troops.", "Reuters"),
        ("A US strike in Basra hit a depot of the group blamed for the mortar attack that killed two American "
         "sailors in May, US officials said.", "Reuters"),
        # the speaker's own account governs the clause
        ("US officials said the raid answered a rocket attack on a base near Kirkuk, which killed a US contractor.",
         "US officials"),
        ("The Pentagon said the raids answered the barrage in which two American sailors died.", "Pentagon"),
    ],
)
def test_a_count_recalled_in_a_clause_on_an_attack(text, claimant):
    assert claims_of(text)[-1]["claimant"] == claimant


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("A source in the PMF told a local radio that two fighters died.", "PMF source"),
        ("A source within the Popular Mobilization Forces (PMF) said three fighters were wounded.", "PMF source"),
        ("A field source within the Hashd said a single fighter died in the bombing.", "Hashd field source"),
    ],
)
def test_a_source_inside_a_body(text, claimant):
    c = one_claim(text)
    assert (c["claimant"], c["claimant_side"]) == (claimant, "factions")


def test_the_source_refers_back_to_a_source_inside_a_body():
    text = ("Drones hit the depot at dawn, a field source within the Hashd told the agency. "
            "The source said the raid killed two guards.")
    c = claims_of(text)[-1]
    assert (c["claimant"], c["claimant_side"]) == ("Hashd field source", "factions")


def test_officials_from_a_body_speak_for_it():
    c = one_claim("Three officials from Kataib Hezbollah told a TV channel that four people died in the raid.")
    assert (c["claimant"], c["claimant_side"]) == ("Kata'ib Hezbollah", "factions")


def test_one_of_the_injured_who_died_is_no_count_of_the_injured():
    cs = claims_of("Medics said five people were dead by the evening, as one of the injured succumbed overnight.")
    assert [(c["low"], c["outcome"]) for c in cs] == [(5, "killed")]


def test_some_of_the_injured_elsewhere_are_a_count():
    cs = claims_of("Officials said twelve of the injured were treated at the base hospital.")
    assert [(c["low"], c["outcome"]) for c in cs] == [(12, "injured")]


def test_the_factions_at_large_are_not_the_last_group_named():
    text = ("US officials said the base was hit by two rockets. "
            "A channel close to the factions alleged that the barrage had left “scores of casualties among the "
            "invading troops”, offering no proof.")
    c = claims_of(text)[-1]
    assert (c["low"], c["claimant_side"]) == (None, "factions")


def test_the_group_still_refers_back_to_the_faction_named():
    text = "Kataib Hezbollah fighters clashed with police. The group said two of its men died."
    assert claims_of(text)[-1]["claimant"] == "Kata'ib Hezbollah"


@pytest.mark.parametrize(
    "text, outcome, side",
    [
        ("The warplanes hit the barracks, an aggression which claimed martyrs and injured among our fighters.",
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
    assert claims_of("An umbrella group claimed the salvo, which hurt nobody.")[0]["low"] == 0
    assert claims_of("The group claimed responsibility for the rocket fire at the airport.") == []


def test_soldiers_with_no_nationality_are_the_american_soldiers_told_elsewhere():
    text = ("Raid comes after deaths of two soldiers in Syria\n\n"
            "A US drone strike in Basra on Wednesday hit a militia commander. "
            "The militia is blamed for the rocket attack that killed two American soldiers in Syria in March.")
    cs = claims_of(text, outlet="The Wall Street Journal")
    assert [(c["low"], c["victim_side"]) for c in cs] == [(2, "us")]


def test_soldiers_with_no_nationality_near_a_strike_on_the_factions_stay_iraqi():
    text = ("An American drone hit a militia commander's car in Kirkuk on Tuesday. "
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
