"""Stance of ordinary wording of this news that carries no classic cue word: official resolve
formulas, threats by reach, sovereignty formulas, protests and accusations, denials of wanting
the conflict to spread. Short quotes written for these tests (variants of each formula), with
negative cases that must stay informational or keep their reading."""

from __future__ import annotations

import pytest

from workbench.extract.stance import score_stance

RESOLVE_CASES = [
    # official resolve: "take additional / further / necessary action(s)", "do what is necessary"
    ("The coalition may take additional actions against the cells", "us", "escalatory"),
    ("The Pentagon is prepared to take further action against the militias", "us", "escalatory"),
    ("Washington will take further measures to deter these groups", "us", "escalatory"),
    ("Our commanders are taking necessary action to shield the advisers", "us", "escalatory"),
    ("The coalition took necessary action against the launch teams", "us", "escalatory"),
    ("Our forces will take all the necessary measures against anyone who targets them", "iran", "escalatory"),
    ("We will do what is necessary to keep our people safe", "us", "escalatory"),
    ("The president will do whatever is necessary to protect Americans", "us", "escalatory"),
    ("We'll do what's necessary", "us", "escalatory"),
    ("We will take whatever action we deem necessary", "us", "escalatory"),
    ("All options remain on the table", "us", "escalatory"),
    ("The president will protect American lives", "us", "escalatory"),
    ("We will do everything that is necessary to defend ourselves", "factions", "escalatory"),
    # "will not stand for", "will not stand idly by"
    ("We won't stand for attacks on our diplomats", "us", "escalatory"),
    ("Washington will not stand for this kind of behaviour", "us", "escalatory"),
    ("The resistance will not stand idly by while our brothers are killed", "factions", "escalatory"),
    ("We will not sit idly by", "iran", "escalatory"),
    ("We will not stand by while our soldiers are targeted", "us", "escalatory"),
    ("Last night we took further action against the groups behind the attacks", "us", "escalatory"),
    # protecting one's forces, said as a pledge
    ("We are going to protect our troops and our facilities", "us", "escalatory"),
    ("We will defend our personnel wherever they serve", "us", "escalatory"),
    ("We'll protect our people, make no mistake", "us", "escalatory"),
    # the kind of response
    ("It was a proportionate response to repeated attacks", "us", "escalatory"),
    ("There will be a firm response to any aggression", "factions", "escalatory"),
    ("The strikes were an appropriate response", "us", "escalatory"),
    ("This was not a proportionate response, it was a massacre", "iraq_gov", "condemnatory"),
    ("The bombing was hardly a measured response", "russia", "condemnatory"),
    # negatives: the same words in a plain sense
    ("The necessary repairs will take weeks", "iraq_gov", "informational"),
    ("It will take additional time to clear the runway", "us", "informational"),
    ("The investigation will take further weeks", "iraq_gov", "informational"),
    ("The government will take the necessary measures to secure the pilgrimage", "iraq_gov", "informational"),
    ("Air defences protect our forces at the base", "us", "informational"),
    ("The response time of the medics was under ten minutes", "iraq_gov", "informational"),
    ("We stand for election next year", "iraq_gov", "informational"),
    ("Several withdrawal options are on the table in the talks", "iraq_gov", "informational"),
]

REACH_CASES = [
    ("Every base in the region is within reach of our missiles", "factions", "escalatory"),
    ("Their warships are within the reach of our drones", "iran", "escalatory"),
    ("The embassy is in range of our rockets", "factions", "escalatory"),
    ("Every American soldier is in our sights", "factions", "escalatory"),
    ("Our drones can reach any base they hide in", "factions", "escalatory"),
    ("The occupiers will leave our country in coffins", "factions", "escalatory"),
    ("They came on their feet and will go home in coffins", "factions", "escalatory"),
    ("The Americans will leave, vertically or horizontally", "factions", "escalatory"),
    ("Yesterday's drone was only a warning", "factions", "escalatory"),
    ("This is our final warning to the American forces", "factions", "escalatory"),
    ("If the state does nothing, the tribes will take matters into their own hands", "factions", "escalatory"),
    ("The occupiers should pack up and leave before it is too late", "factions", "escalatory"),
    # negatives
    ("Troops remain within reach of the hospital", "us", "informational"),
    ("The village lies within reach of the main road", "iraq_gov", "informational"),
    ("The coffins of the dead were carried through the city", "factions", "informational"),
    ("Civilians are caught in the crosshairs of both sides", "media", "informational"),
    ("We have had enough of warnings, the next strike will be painful", "factions", "escalatory"),
    ("The sirens gave a warning before the rockets landed", "us", "informational"),
    ("Our medics can reach the site within an hour", "us", "informational"),
    ("Iranian missiles can reach most of the region", "media", "informational"),
]

SOVEREIGNTY_CASES = [
    # negated: the calming formula, whatever the verb and the noun
    ("The cabinet won't let Iraq turn into a battlefield", "iraq_gov", "deescalatory"),
    ("The government will not permit our territory to be turned into a battleground", "iraq_gov", "deescalatory"),
    ("Iraq will never be an arena for the conflicts of other states", "iraq_gov", "deescalatory"),
    ("Our country must not be turned into a theatre for foreign rivalries", "iraq_gov", "deescalatory"),
    ("We will not let the Kurdistan Region become a playground for regional powers", "iraq_gov", "deescalatory"),
    ("Syria will not be a springboard for attacks on anyone", "syria", "deescalatory"),
    ("Iraq is not a mailbox for messages between Washington and Tehran", "iraq_gov", "deescalatory"),
    ("Our land will never become a theatre of war for other nations", "iraq_gov", "deescalatory"),
    ("No armed group may use our soil to attack a neighbour", "iraq_gov", "deescalatory"),
    ("Our airspace will not be used to attack any state", "iraq_gov", "deescalatory"),
    ("The militias use Iraqi land to launch attacks on us", "us", "condemnatory"),
    ("We will not be dragged into a regional war", "iraq_gov", "deescalatory"),
    ("Baghdad does not want to be drawn into this fight", "iraq_gov", "deescalatory"),
    ("We do not want Iraq to become a battlefield between Washington and Tehran", "iran", "deescalatory"),
    # not negated: the same nouns are a charge
    ("The Americans have turned our country into a battlefield", "iraq_gov", "condemnatory"),
    ("Foreign powers are dragging Iraq into their conflicts", "iran", "condemnatory"),
    ("The region has become an arena for American adventures", "russia", "condemnatory"),
    ("They have turned Syria into a proxy war", "iran", "condemnatory"),
    # a faction's words stay a threat
    ("Our homeland will never be turned into a playground for the occupiers", "factions", "escalatory"),
    # "settling scores" is a charge even when denied; a protest outweighs the calming noun
    ("The country is no place for settling scores", "iraq_gov", "condemnatory"),
    ("We reject turning the homeland into a field for settling scores", "iraq_gov", "condemnatory"),
    ("The government does not accept that the country becomes a battlefield", "iraq_gov", "condemnatory"),
    # standing apart from the conflict
    ("Baghdad is not a party to the war", "iraq_gov", "deescalatory"),
    ("Baghdad isn't a party to the conflict between Iran and America", "iraq_gov", "deescalatory"),
    ("Iraqis have suffered enough", "iraq_gov", "deescalatory"),
    ("The Iraqis have had enough of wars", "iraq_gov", "deescalatory"),
    ("These are wars that are not ours", "iraq_gov", "deescalatory"),
    ("Our people will not pay for others' conflicts", "iraq_gov", "deescalatory"),
    ("Iraq refuses to pay for the wars of others", "iraq_gov", "deescalatory"),
    ("This is not our war", "iraq_gov", "deescalatory"),
    ("Iraq will never be a party to any regional axis", "iraq_gov", "deescalatory"),
    ("We urge all sides to keep our country out of their wars", "iraq_gov", "deescalatory"),
    ("Iraq must stay away from the conflicts around it", "iraq_gov", "deescalatory"),
    ("The withdrawal of the troops will be achieved by political means", "iraq_gov", "deescalatory"),
    ("We seek to end the foreign presence through legal means", "factions", "deescalatory"),
    ("There must be a political solution", "iran", "deescalatory"),
    # negatives: plain nouns
    ("Ten rockets landed in a playground near the school", "iraq_gov", "informational"),
    ("The wounded were evacuated from the battlefield", "us", "informational"),
    ("The tow truck had to drag the vehicle out of the river", "iraq_gov", "informational"),
    ("He is a member of the party", "iraq_gov", "informational"),
    ("A rocket hit an arena used for concerts", "us", "informational"),
]

DENIAL_CASES = [
    ("We don't want this conflict to widen", "us", "deescalatory"),
    ("The administration does not want a regional conflict", "us", "deescalatory"),
    ("We don't want a war with anybody", "iran", "deescalatory"),
    ("Nobody wants another war in this region", "iraq_gov", "deescalatory"),
    ("We don't want things to escalate further", "us", "deescalatory"),
    ("Our aim is to keep the conflict from spreading", "us", "deescalatory"),
    ("We have no interest in a confrontation with anyone", "us", "deescalatory"),
    ("We are working to contain the conflict", "us", "deescalatory"),
    ("We are not looking to widen the conflict", "us", "deescalatory"),
    ("Washington wants to expand the conflict to the whole region", "iran", "escalatory"),
    # negatives
    ("We don't want the talks to drag on", "iraq_gov", "informational"),
    ("The war began in 2003", "media", "informational"),
    ("The tanks were kept out of the city centre", "iraq_gov", "informational"),
]

PROTEST_CASES = [
    # lack of evidence, deception
    ("Washington has not presented any evidence for these accusations", "iran", "condemnatory"),
    ("Not one single piece of evidence has been offered", "factions", "condemnatory"),
    ("There is not a shred of evidence that our fighters were involved", "factions", "condemnatory"),
    ("They blamed the brigades without providing any evidence", "iraq_gov", "condemnatory"),
    ("This statement is aimed at misleading public opinion", "iraq_gov", "condemnatory"),
    ("These reports are an attempt to mislead the world", "iran", "condemnatory"),
    ("They are deceiving the American public", "iran", "condemnatory"),
    # unlawful killing
    ("This is an extrajudicial killing", "russia", "condemnatory"),
    ("The strike was an unlawful act against a sovereign state", "iran", "condemnatory"),
    # treating a country as one's own ground
    ("America acts as if the whole region belongs to it", "iran", "condemnatory"),
    ("They are behaving as if Iraq were their own backyard", "russia", "condemnatory"),
    ("The strike revealed the true aims of the American presence", "iran", "condemnatory"),
    ("This shows the real intentions of the occupation", "iraq_gov", "condemnatory"),
    ("Our decisions count for nothing in Washington", "iraq_gov", "condemnatory"),
    ("This raid is a humiliation for the state", "iraq_gov", "condemnatory"),
    ("These strikes threaten the security of the whole nation", "iraq_gov", "condemnatory"),
    ("The raids are threatening regional stability", "iran", "condemnatory"),
    # calls to act
    ("The government must act to stop these violations of our land", "factions", "condemnatory"),
    ("Parliament must act now, before it is too late", "iraq_gov", "condemnatory"),
    ("The Security Council must take a clear stand against this aggression", "iran", "condemnatory"),
    ("We must act immediately to protect our forces", "us", "escalatory"),
    # "a red line": a government's protest, a threat from others
    ("Our sovereignty is a red line", "iraq_gov", "condemnatory"),
    ("The safety of our diplomats remains a red line", "iraq_gov", "condemnatory"),
    ("The lives of our fighters are a red line", "factions", "escalatory"),
    ("Attacks on our forces are a red line", "us", "escalatory"),
    ("The independence of our decision is our red line", "iraq_gov", "condemnatory"),
    # responsibility laid on the other side
    ("Washington bears full responsibility for this escalation", "russia", "condemnatory"),
    ("The occupiers bear responsibility for what comes next", "factions", "escalatory"),
    ("The international community must assume its responsibilities", "iraq_gov", "condemnatory"),
    # negatives
    ("The investigators found evidence of a second launcher", "iraq_gov", "informational"),
    ("The evidence was presented to the court on Monday", "iraq_gov", "informational"),
    ("The signs on the road could mislead drivers", "iraq_gov", "informational"),
    ("The true number of launchers is not known", "us", "informational"),
    ("He said the aim of the operation was to locate the launch site", "us", "informational"),
    ("Iraq must act as a bridge between its neighbours", "iraq_gov", "informational"),
    ("Investors have to act fast", "media", "informational"),
    ("The command said it bears responsibility for the civilian deaths", "us", "informational"),
    # correcting rumours is no protest
    ("Some websites are spreading false reports of casualties", "iraq_gov", "informational"),
    ("These reports are completely baseless", "iraq_gov", "informational"),
]


@pytest.mark.parametrize("quote,side,expected", RESOLVE_CASES)
def test_official_resolve_formulas(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


@pytest.mark.parametrize("quote,side,expected", REACH_CASES)
def test_threats_by_reach_and_warning(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


@pytest.mark.parametrize("quote,side,expected", SOVEREIGNTY_CASES)
def test_sovereignty_formulas(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


@pytest.mark.parametrize("quote,side,expected", DENIAL_CASES)
def test_not_wanting_the_conflict_to_spread(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


@pytest.mark.parametrize("quote,side,expected", PROTEST_CASES)
def test_protests_and_accusations(quote, side, expected):
    assert score_stance(quote, speaker_side=side).stance == expected


# a red line drawn on a map keeps the reading it had before these cues (no government protest)
@pytest.mark.parametrize("side", ["iraq_gov", "us", "factions", None])
def test_literal_red_line_not_read_as_a_protest(side):
    assert score_stance("The army drew a red line on the map", speaker_side=side).stance != "condemnatory"


def test_far_negation_reaches_only_the_sovereignty_nouns():
    # the wide negation window is the sovereignty cue's own; other cues keep the global window
    s = score_stance("The ministry will not allow our territory to become a battlefield", speaker_side="iraq_gov")
    assert s.stance == "deescalatory" and any(c.startswith("not…") for c in s.cues)
    far = score_stance("We did not know then that one day the revenge would come", speaker_side="factions")
    assert far.stance == "escalatory"


def test_new_cues_deterministic():
    q = "Damascus will never become an arena for others, and we may take further action"
    assert score_stance(q, speaker_side="us") == score_stance(q, speaker_side="us")


def test_per_cue_negation_options_are_well_formed():
    from workbench.resources import load_yaml

    data = load_yaml("stance.yaml")
    classes = {"escalatory", "deescalatory", "condemnatory"}
    with_options = 0
    for entry in [*data["cues"], *data["context_cues"]]:
        flip = entry.get("negation_flip")
        if flip is not None:
            with_options += 1
            assert set(flip) <= classes and all(v in classes or v == "none" for v in flip.values())
        if "negation_window" in entry:
            assert isinstance(entry["negation_window"], int) and entry["negation_window"] > 0
    assert with_options > 0


def test_cue_flip_differs_from_global_flip():
    # globally a negated condemnatory cue is dropped; the sovereignty nouns turn calming instead
    assert score_stance("They made the country a battleground", speaker_side="iraq_gov").stance == "condemnatory"
    assert score_stance("The country will not be a battleground", speaker_side="iraq_gov").stance == "deescalatory"
    assert score_stance("We do not condemn anyone", speaker_side="iraq_gov").stance == "informational"
