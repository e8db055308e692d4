"""Quote spans and speaker attribution, on short sentences written for these tests."""

from __future__ import annotations

import pytest

from workbench.extract.quotes import Quote, extract_quotes, find_quote_spans


def _texts(text: str) -> list[tuple[str, bool]]:
    return [(text[a:b], closed) for a, b, closed in find_quote_spans(text)]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


# --------------------------------------------------------------------------- spans

SPAN_CASES = [
    # curly pair
    ("The commander said: “We will hold the line.”", [("We will hold the line.", True)]),
    # straight pair
    ('The colonel said "the base was hit twice" on Sunday.', [("the base was hit twice", True)]),
    # two quotes in one sentence
    ("“We are ready,” he said, “and we will not wait.”", [("We are ready,", True), ("and we will not wait.", True)]),
    # unclosed: runs to the end of its paragraph
    ("“The convoy was struck near the border and the drivers fled\nNext line.",
     [("The convoy was struck near the border and the drivers fled", False)]),
    # a quote spanning paragraphs: first part left open, reopened in the next paragraph
    ("“The first part of the speech ends here.\n“The second part follows,” he said.",
     [("The first part of the speech ends here.", False), ("The second part follows,", True)]),
    # short fragments are quotes too
    ("The minister called the raid an “unwise step” on Monday.", [("unwise step", True)]),
    # single quotes that clearly open and close
    ("The officer described it as ‘A direct hit’ on the depot.", [("A direct hit", True)]),
    # apostrophes are not quotes
    ("Iraq’s Kata'ib units and Asa’ib fighters said we're ready.", []),
    ("The brigades’ fighters and the forces’ commanders met.", []),
    # a single-quoted heading on its own line is not speech
    ("‘Drone strikes continue’\nThe ministry said two drones fell.", []),
    # nickname between the parts of a name
    ("The late Abu Hassan “the Engineer” al-Tamimi was buried.", []),
    # empty marks and no marks
    ("He said “” and left.", []),
    ("No quotation marks at all in this sentence.", []),
    # a stray closing mark yields nothing, the next quote still reads
    ("It ended” there. Later he said “it is over” quietly.", [("it is over", True)]),
    # single quotes inside a double quote belong to it
    ("“They called it ‘Operation Dawn’ at first,” he said.", [("They called it ‘Operation Dawn’ at first,", True)]),
]


@pytest.mark.parametrize("text,expected", SPAN_CASES)
def test_quote_spans(text, expected):
    assert _texts(text) == expected


def test_spans_are_sorted_and_inside_text():
    text = "“One two three four.” He said. “Five six\nAnd “seven eight” nine."
    spans = find_quote_spans(text)
    assert spans == sorted(spans)
    for a, b, _ in spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()


def test_messy_input_never_raises():
    for text in ["“", "”", '"', "‘’", "“”“”", "‘A", "x “ y ” z “", "\n\n“\n”\n", "'Tis he’s ‘"]:
        find_quote_spans(text)
        extract_quotes(text)


# --------------------------------------------------------------------------- speakers

SPEAKER_CASES = [
    # after the quote: subject then verb, or inverted
    ("“The attack will not go unanswered,” Qais al-Khazali said on Friday.",
     [("The attack will not go unanswered,", "Qais al-Khazali")]),
    ("“Two rockets hit the perimeter,” said Col. Wayne Marotto, the coalition spokesman.",
     [("Two rockets hit the perimeter,", "Wayne Marotto")]),
    ("“We are reviewing the footage,” Pentagon spokesman John Kirby told reporters.",
     [("We are reviewing the footage,", "John Kirby")]),
    # an appositive between the name and the verb; the organisation in it does not win
    ("“Our fighters are on alert,” Abu Ali al-Askari, a security official of Kata'ib Hezbollah, wrote on Telegram.",
     [("Our fighters are on alert,", "Abu Ali al-Askari")]),
    # a statement from someone's office is the office-holder's
    ("“The government rejects any attack on its soil,” read a statement from Kadhimi’s office.",
     [("The government rejects any attack on its soil,", "Mustafa al-Kadhimi")]),
    # the outlet after "told" is not the speaker
    ("“The drones came from the west,” Saad al-Saadi told Al-Maalomah.",
     [("The drones came from the west,", "Saad al-Saadi")]),
    # before the quote
    ("Khazali said: “The occupation forces must leave our land.”",
     [("The occupation forces must leave our land.", "Qais al-Khazali")]),
    ("Kata'ib Hezbollah said in a statement that the strikes were “a dangerous escalation.”",
     [("a dangerous escalation.", "Kata'ib Hezbollah")]),
    ("On Sunday, Pentagon press secretary John Kirby briefed reporters, saying, “Our forces acted in self-defense.”",
     [("Our forces acted in self-defense.", "John Kirby")]),
    ("Ahmed al-Assadi, speaking for the Fatah Alliance, warned of “grave consequences” for the raids.",
     [("grave consequences", "Ahmed al-Assadi")]),
    ("Sudani “stressed the need to protect the diplomatic missions,” according to his office.",
     [("stressed the need to protect the diplomatic missions,", "Mohammed Shia al-Sudani")]),
    # not in the gazetteer: the descriptive noun phrase
    ("The mourners chanted “No to America” outside the shrine.", [("No to America", "mourners")]),
    ("“Enough is enough,” one protester shouted.", [("Enough is enough,", "protester")]),
    # "X quoted Y as saying" gives Y
    ("“The answer will be painful,” Al-Ahed TV quoted Khazali as saying.",
     [("The answer will be painful,", "Qais al-Khazali")]),
    # attribution in the middle of two quotes
    ("“We hit the depot,” Kirby said, “and we will hit it again.”",
     [("We hit the depot,", "John Kirby"), ("and we will hit it again.", "John Kirby")]),
    # each quote has its own subject; a later clause does not speak for the first quote
    ("Iran said it was “not involved” in the raid, while Kata'ib Hezbollah called it “a duty.”",
     [("not involved", "Iran"), ("a duty.", "Kata'ib Hezbollah")]),
    # a capitalised word inside a name is no speech verb: "the United States would ..."
    ("Defense Secretary Lloyd Austin, in a statement Friday, warned that the United States would “respond at a time of our choosing.”",
     [("respond at a time of our choosing.", "Lloyd Austin")]),
    ("Speaking at the United Nations, Foreign Minister Hossein Amir-Abdollahian said the United States “will not be spared.”",
     [("will not be spared.", "Hossein Amir-Abdollahian")]),
    ("“We stand ready,” Says the statement of the group.", [("We stand ready,", "statement of the group")]),
    # "X's deputy" is not X
    ("“The strikes were measured,” Kirby’s deputy told reporters.",
     [("The strikes were measured,", "Kirby’s deputy")]),
]


@pytest.mark.parametrize("text,expected", SPEAKER_CASES)
def test_speaker(text, expected):
    assert _speakers(text) == expected


REFERENCE_CASES = [
    # pronoun refers back to the last speaker, not the last person mentioned
    ("“The strikes hit weapons depots,” John Kirby said.\n"
     "He added that Qais al-Khazali had been warned. “We will not tolerate attacks on our people,” he said.",
     "John Kirby"),
    # a person named in another clause does not steal the next "he said"
    ("Elijah Magnier said the raid was a message to Baghdad.\n"
     "The analyst said the strikes contradicted what Prime Minister Kadhimi said last year.\n"
     "“Washington wants to stay in the region,” he said.",
     "Elijah Magnier"),
    # "the head of X" is the last speaker affiliated with X
    ("“We will respond at the right time,” Qais al-Khazali said.\n"
     "“We do not want a war,” added the head of Asa’ib Ahl al-Haq.",
     "Qais al-Khazali"),
    # "the Pentagon press secretary" after its press secretary spoke
    ("John Kirby said the strikes were defensive.\n“Nobody wants a wider war,” the Pentagon press secretary said.",
     "John Kirby"),
    # "the source" is the last source-like mention
    ("According to an Iraqi security source, the convoy was stopped at the gate.\n"
     "“The vehicles were turned back,” the source told reporters.",
     "Iraqi security source"),
    # "the group" is the last faction mentioned
    ("Kata'ib Sayyid al-Shuhada issued a statement on Monday.\n"
     "The group said the bases were “legitimate targets”.",
     "Kata'ib Sayyid al-Shuhada"),
    # "they" prefers a group speaker
    ("The Islamic Resistance in Iraq claimed the drone attack.\n"
     "They said it was “a first warning”.",
     "Islamic Resistance in Iraq"),
]


@pytest.mark.parametrize("text,speaker", REFERENCE_CASES)
def test_reference_back(text, speaker):
    assert extract_quotes(text)[-1].speaker == speaker


CONTINUATION_CASES = [
    # second sentence of the same speech
    ("“The enemy has crossed a line,” Khazali said. “Our answer will come.”", "Qais al-Khazali"),
    # a whole paragraph that is just a quote
    ("Abu Ali al-Askari said on Saturday: “The embassy is a base of spies.”\n"
     "“The coming days will decide.”", "Abu Ali al-Askari"),
    # a second quote in the same sentence with no verb of its own
    ("Kirby said the strikes hit “weapons storage” and “operational” sites.", "John Kirby"),
]


@pytest.mark.parametrize("text,speaker", CONTINUATION_CASES)
def test_continuation(text, speaker):
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    assert quotes[1].speaker == speaker
    assert quotes[1].basis == "continuation"
    assert quotes[1].speaker_start is None


def test_open_quote_takes_speaker_of_its_reopening():
    text = "The rally ended at noon.\n“The occupation has no place here.\n“We will keep marching,” Khazali said."
    first, second = extract_quotes(text)
    assert not first.closed and first.speaker == second.speaker == "Qais al-Khazali"
    assert first.basis == "continuation"


def test_signature_line():
    text = "“Two drones were shot down near the base.”\n— Spokesman Col. Wayne Marotto (@OIRSpox) May 3, 2021"
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_side, q.basis) == ("Wayne Marotto", "us", "signature")


def test_mentions_inside_quotes_do_not_count():
    text = "“Kata'ib Hezbollah and Kirby said nothing,” the cleric added."
    (q,) = extract_quotes(text)
    assert q.speaker not in {"Kata'ib Hezbollah", "John Kirby"}


def test_unattributed_quote_far_from_any_speaker_has_none():
    text = "The base was quiet on Sunday.\nTraffic resumed.\n“Stay home,” was painted on a wall."
    (q,) = extract_quotes(text)
    assert q.speaker is None and q.basis == "none" and q.speaker_side == "unknown"


def test_quote_fields():
    text = "“We will respond to any aggression,” Qais al-Khazali said on Tuesday."
    (q,) = extract_quotes(text)
    assert isinstance(q, Quote)
    assert text[q.start : q.end] == q.text == "We will respond to any aggression,"
    assert q.closed and q.n_words == 6
    assert (q.speaker, q.speaker_side, q.basis) == ("Qais al-Khazali", "factions", "after")
    assert text[q.speaker_start : q.speaker_end] == "Qais al-Khazali"
    assert "said on Tuesday" in q.context


@pytest.mark.parametrize(
    "text",
    [
        "The drone strike hit a depot near the airport on Sunday.",
        "Iraq’s militias and the Kata'ib forces’ bases were hit.",
        "",
    ],
)
def test_no_quotes(text):
    assert extract_quotes(text) == []


def test_given_sentences_and_mentions_are_used():
    from workbench.actors import load_gazetteer
    from workbench.sentences import split_sentences

    text = "“The rockets missed,” Marotto said."
    g = load_gazetteer()
    a = extract_quotes(text, sentences=split_sentences(text), mentions=g.find(text))
    assert a == extract_quotes(text)
    assert a[0].speaker == "Wayne Marotto"


def test_speech_vocabulary_integrity():
    from workbench.resources import load_yaml

    data = load_yaml("speech.yaml")
    for key, value in data.items():
        if key in {"people", "side_words"}:  # checked in tests/test_people.py
            continue
        words = value if isinstance(value, list) else (
            [w for ws in value.values() for w in ws] if isinstance(value, dict) else []
        )
        assert all(isinstance(w, str) and w == w.strip() and w for w in words), key
    assert set(data["descriptors"]) == {"source", "group", "bloc", "person", "any"}
    assert not set(data["verbs"]) & set(data["participles"])


# --------------------------------------------------------------------------- people outside the gazetteer


def _who(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.speaker_side) for q in extract_quotes(text)]


REGISTRY_CASES = [
    # a title and a place: the name without them, side from the title
    ("“The depot is gone,” said Sen. Harold Brandt of Nebraska.", [("Harold Brandt", "us")]),
    # the role before a comma, the name after it
    ("“Nobody crossed the border,” a government spokesman, Karim al-Jubouri, said.",
     [("Karim al-Jubouri", "iraq_gov")]),
    # affiliation from a gazetteer body in the pre-modifier; "he added" refers back to him
    ("“The occupiers will hear from us,” Harakat al-Nujaba spokesman Abbas al-Zaidi told a TV channel.\n"
     "“Our answer is ready,” he added.",
     [("Abbas al-Zaidi", "factions"), ("Abbas al-Zaidi", "factions")]),
    # an analyst in an appositive is media; the surname later is the same person
    ("“Talks are the only way,” said Nadia Serhan, a researcher at the Gulf Policy Institute.\n"
     "“The rest is noise,” Serhan said.",
     [("Nadia Serhan", "media"), ("Nadia Serhan", "media")]),
    # a military title stack, then the surname alone
    ("Lt. Gen. Mark Ellery, director of the Joint Staff, briefed reporters on Friday.\n"
     "“The jets hit every target,” Ellery said.",
     [("Mark Ellery", "us")]),
]


@pytest.mark.parametrize("text,expected", REGISTRY_CASES)
def test_registry_speakers(text, expected):
    assert _who(text) == expected


APPOSITION_CASES = [
    # an inverted verb, a role, then the name in apposition
    ("“Our answer will come on the battlefield,” said the group's spokesman, Abbas al-Tamimi.",
     [("Abbas al-Tamimi", "unknown")]),
    ("“The strikes will not go unanswered,” said the movement’s spokesman, Hussein Ali al-Rubaie, on Sunday.",
     [("Hussein Ali al-Rubaie", "unknown")]),
    ("“We will answer,” according to the group's military spokesman, Jafar al-Husseini.",
     [("Jaafar al-Husseini", "factions")]),
    # titles may stand before the name
    ("“Two rockets hit the base,” said the coalition spokesman, Col. Wayne Marotto.", [("Wayne Marotto", "us")]),
    ("“Two rockets hit the base,” said the group’s spokesman, Sheikh Abbas al-Tamimi, on Sunday.",
     [("Abbas al-Tamimi", "unknown")]),
    # "the movement's spokesman" speaks for the faction last named
    ("Harakat al-Nujaba vowed revenge. “Our response will be decided on the battlefield,” "
     "said the movement’s spokesman, Ali Hussein al-Asadi.",
     [("Ali Hussein al-Asadi", "factions")]),
    # a role heading a long appositive ("the chairman of the ... committee, X")
    ("The chairman of the parliamentary Security and Defence Committee, Haidar al-Zubaidi, told reporters "
     "the panel would meet.\n“We will summon the commanders next week,” al-Zubaidi said.",
     [("Haidar al-Zubaidi", "iraq_gov")]),
    # no name after the comma: the role's body
    ("“Two rockets fell on the base,” said the Kataib Hezbollah spokesman, adding that nobody was hurt.",
     [("Kata'ib Hezbollah", "factions")]),
]


@pytest.mark.parametrize("text,expected", APPOSITION_CASES)
def test_name_in_apposition_to_a_role(text, expected):
    assert _who(text) == expected


# A known person's bare surname after another given name is another person, and so are the
# bare surnames that follow when the known person is never named in full.
OTHER_GIVEN_NAME_CASES = [
    ("Ali al-Fartousi, a member of the political bureau of Asa’ib Ahl al-Haq, said the strike proved "
     "“that the occupier understands only force”.",
     [("Ali al-Fartousi", "factions")]),
    ("Mahdi al-Khafaji, an MP from Baghdad, said the vote was near.\n“We will vote next week,” al-Khafaji said.",
     [("Mahdi al-Khafaji", "unknown")]),
    # the known person named in full keeps his surname
    ("Tahsin al-Khafaji, the operations command spokesman, said two rockets fell.\n"
     "“The launchers were found,” al-Khafaji said.",
     [("Tahsin al-Khafaji", "iraq_gov")]),
    # a title before the surname is no given name
    ("“The launchers were found near the airport,” Maj. Gen. al-Khafaji said.", [("Tahsin al-Khafaji", "iraq_gov")]),
]


@pytest.mark.parametrize("text,expected", OTHER_GIVEN_NAME_CASES)
def test_surname_after_another_given_name(text, expected):
    assert _who(text) == expected


FOLLOWERS_AND_BODIES_CASES = [
    # "a crowd of X supporters" is not X
    ("A crowd of Hashd supporters gathered at the site chanting “Death to the occupiers”.",
     [("Hashd supporters", "factions")]),
    ("Kataib Hezbollah followers chanted “No to America, no to Israel” at the funeral.",
     [("Kataib Hezbollah followers", "factions")]),
    # "X's mission/embassy" is a body of X
    ("Iran’s mission to the UN said in a statement that Tehran “had nothing to do with the attacks”.",
     [("Iran’s mission to the UN", "iran")]),
    ("Iran's embassy in Baghdad said it was “not involved in any way in the attack”.",
     [("Iran's embassy in Baghdad", "iran")]),
    # "a source in X" is an "X source"
    ("A source in the Iraqi resistance told a TV channel that the strikes “will not change the equation”.",
     [("Iraqi resistance source", "factions")]),
    # ... but a source "close to" X is not one of X's: it keeps the text's words, with X's side
    ("Sources close to Kataib Hezbollah said the group would “respond at the right time and place”.",
     [("Sources close to Kataib Hezbollah", "factions")]),
    # X itself still speaks
    ("Iran said it was “not involved in any way in the attack”.", [("Iran", "iran")]),
    ("Kataib Hezbollah said the bases were “legitimate targets from now on”.", [("Kata'ib Hezbollah", "factions")]),
]


@pytest.mark.parametrize("text,expected", FOLLOWERS_AND_BODIES_CASES)
def test_followers_and_bodies_of_a_named_actor(text, expected):
    assert _who(text) == expected


INTRODUCED_WITH_BODY_CASES = [
    # "an official with one of the militias ... said the official": a militia official
    ("An official with one of the Iran-aligned militias said the groups had no reason to claim it. "
     "“The resistance does not need to announce every operation,” said the official, who asked not to be named.",
     ("militia official", "factions")),
    ("A commander of one of the armed factions said the drones were ready. "
     "“We will strike again if they attack us,” the commander said.",
     ("faction commander", "factions")),
    # a place after the role is not a body
    ("An official in Baghdad said the talks went on. “The talks will continue next week as planned,” the official said.",
     ("official", "unknown")),
]


@pytest.mark.parametrize("text,expected", INTRODUCED_WITH_BODY_CASES)
def test_introduced_person_named_by_the_body_after_the_role(text, expected):
    assert _who(text)[-1] == expected


def test_topic_of_previous_sentence_is_he():
    text = (
        "“Talks are the only way,” said Nadia Serhan, a researcher at the Gulf Policy Institute.\n"
        "“The rest is noise,” said Omar Khalidi, a fellow at a think tank.\n"
        "For Serhan, the problem is trust. “Nobody believes anyone,” she said."
    )
    assert extract_quotes(text)[-1].speaker == "Nadia Serhan"


LEAD_IN_CASES = [
    # a release: the statement line ends in a colon, its paragraphs are open quotes
    ("The following is a statement from Defense Secretary Lloyd Austin:\n"
     "“We struck four sites tonight.\n"
     "“More will follow if the attacks go on.”",
     ["Lloyd Austin", "Lloyd Austin"]),
    # a channel post: "NAME, the ROLE of BODY:" then quoted lines
    ("🔻 Abu Zainab al-Lami, a commander of Kataib Hezbollah:\n"
     "\"The occupier will hear from us soon.\"\n"
     "\"Our drones are ready.\"",
     ["Abu Zainab al-Lami", "Abu Zainab al-Lami"]),
    # "In a statement, X said:"
    ("In a statement, the Islamic Resistance in Iraq said:\n“Two drones hit the base at dawn.”",
     ["Islamic Resistance in Iraq"]),
    # the block ends at the first paragraph that is not a quote
    ("Kirby wrote on X:\n“The ships are safe.”\nThe ministry issued figures on Monday.\nAfter that, traffic resumed.\n"
     "“Two sailors were hurt.”",
     ["John Kirby", None]),
]


@pytest.mark.parametrize("text,speakers", LEAD_IN_CASES)
def test_lead_in_statement(text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers


GROUP_CASES = [
    # "the resistance" / "the group" is the last faction named, not a word
    ("The Islamic Resistance in Iraq claimed two drone attacks.\n"
     "The resistance said in a statement that the raids were “a response to the massacres in Gaza”.",
     "Islamic Resistance in Iraq"),
    # "the umbrella group of <generic factions>" is the last faction named
    ("Kata'ib Sayyid al-Shuhada fired rockets on Monday.\n"
     "In a statement, the umbrella group of armed factions said its fighters had “hit the target directly”.",
     "Kata'ib Sayyid al-Shuhada"),
    # a bloc
    ("The Fatah Alliance demanded a vote on Sunday.\n“The foreign troops must go now,” the bloc said.",
     "Fatah Alliance"),
    # "the official" after "a US official ... said"
    ("A US official, speaking on condition of anonymity, said the drone came from Iraq.\n"
     "“We are tracking the launch site,” the official said.",
     "US officials"),
    # a capitalised short form of a body named in full before
    ("The General Directorate of Civil Defence said two houses burned.\n“The fire is under control,” the Directorate said.",
     "General Directorate of Civil Defence"),
    # a dateline is not the subject of "..., calling it"
    ("Rudaw/ The Iraqi Foreign Ministry said on Monday that the raid killed two, calling it “an unacceptable breach”.",
     "Iraqi Foreign Ministry"),
]


@pytest.mark.parametrize("text,speaker", GROUP_CASES)
def test_group_and_short_form_speakers(text, speaker):
    assert extract_quotes(text)[-1].speaker == speaker


def test_descriptive_speaker_gets_side_from_its_words():
    text = "Even the Iraqi judiciary, usually silent, said the raid was “a breach of the constitution”."
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_side) == ("Iraqi judiciary", "iraq_gov")


def test_a_reported_speaker_speaks_the_quote_that_follows_him():
    text = ("“This is an attack on Iraq,” the prime minister said.\n"
            "Nujaba spokesman Hussein al-Musawi said the group's patience had run out. “Our response is coming.”")
    assert extract_quotes(text)[-1].speaker == "Hussein al-Mousawi"


def test_appositive_name_after_a_possessor_role():
    text = "“The forces hold the coalition responsible,” Sudani’s military spokesman, Yehia Rasool, said."
    assert _speakers(text) == [("The forces hold the coalition responsible,", "Yehia Rasool")]


def test_him_in_a_new_paragraph_is_the_person_just_named():
    text = ("Defense Secretary Lloyd Austin said the strikes were limited.\n"
            "Iraqi Prime Minister Mohammed Shia al-Sudani, whose government relies on the factions, urged restraint.\n"
            "“Iraq will not be a launching pad for attacks,” his office quoted him as saying.")
    assert extract_quotes(text)[-1].speaker == "Mohammed Shia al-Sudani"


def _article_speakers(text: str) -> list[tuple[str, str | None, str]]:
    import datetime as dt

    from workbench.extract import extract_article

    x = extract_article("t", text, published=dt.date(2024, 1, 31), outlet="Rudaw", outlet_side="media")
    return [(q["text"][:20], q["speaker"], q["speaker_side"]) for q in x.quotes]


@pytest.mark.parametrize(
    "text, speaker, side",
    [
        # an acronym the article defines names the body it was defined for
        ("A drone was shot down on Tuesday, the Kurdistan Region’s Counter-Terrorism Directorate (CTD) said.\n"
         "“The drone was loaded with explosives and came from the south,” the CTD said in a statement.",
         "Kurdistan Region Counter-Terrorism Directorate", "iraq_gov"),  # the gazetteer's name for it
        # "the consulate": the body named earlier whose name holds the noun
        ("The US Consulate General in Erbil said on X that it condemned the attack.\n"
         "“We stand with our partners against those who threaten stability,” the consulate wrote.",
         "US consulate in Erbil", "us"),
        # a document line speaks for the body last named before it
        ("The Islamic Resistance in Iraq targeted the Conoco base with two drones.\n"
         "Statement posted Friday 27-10-2023, 18:20\n"
         "We tell the occupiers: \"Your bases in Iraq and Syria are within our range, and we will strike again.\"",
         "Islamic Resistance in Iraq", "factions"),
        # "the official said" after an unnamed official introduced just before
        ("Hadi al-Amiri said the strike was a crime.\n"
         "A senior Iraqi official, who asked not to be named, said the government had no warning.\n"
         "“We were not told before the strike, we learned it from television,” the official said.",
         "senior Iraqi official", "iraq_gov"),
        # an acronym in brackets does not cut the speaker's role off his name
        ("Kurdistan Region Government (KRG) spokesperson Peshawa Hawramani condemned the attack.\n"
         "“These attacks endanger the security of the region and its people,” Hawramani said.",
         "Peshawa Hawramani", "iraq_gov"),
    ],
)
def test_speakers_named_by_acronyms_descriptions_and_documents(text, speaker, side):
    quotes = _article_speakers(text)
    assert [(s, sd) for _, s, sd in quotes][-1] == (speaker, side), quotes
