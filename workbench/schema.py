"""Column names of every table the workbench produces (later tools read them by name)."""

from __future__ import annotations

EVENT_COLUMNS = [
    "event_id", "article_id", "start", "end", "snippet", "date", "date_precision",
    "attacker", "attacker_side", "target", "target_side", "weapons", "location",
    "munitions", "n_attacks", "claimed_by", "incident_id",
]
TALLY_COLUMNS = [
    "tally_id", "article_id", "start", "end", "snippet", "count", "qualifier", "since",
    "as_of", "target_side", "claimant", "claimant_side",
]
CLAIM_COLUMNS = [
    "claim_id", "article_id", "start", "end", "snippet", "claimant", "claimant_side",
    "victim", "victim_side", "outcome", "low", "high", "qualifier", "date", "incident_id",
]
QUOTE_COLUMNS = [
    "quote_id", "article_id", "start", "end", "text", "speaker", "speaker_side", "stance",
    "escalation", "cues", "date",
]
INCIDENT_COLUMNS = [
    "incident_id", "date", "date_precision", "location", "kind", "attacker_side",
    "target_side", "n_articles", "n_outlets", "first_reported",
]

#: The side vocabulary of the annotation guide.
SIDES = ("us", "factions", "iran", "iraq_gov", "syria", "russia", "civilians", "media", "unknown")
#: The weapon vocabulary of the annotation guide.
WEAPONS = ("airstrike", "drone", "rocket", "missile", "ied", "mortar", "small_arms", "unknown")
OUTCOMES = ("killed", "injured", "casualties")
STANCES = ("escalatory", "deescalatory", "condemnatory", "informational")
QUALIFIERS = ("exact", "at_least", "approx", "over", "vague", "none")

EXTRACTED_TABLES = {
    "events": EVENT_COLUMNS,
    "tallies": TALLY_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "incidents": INCIDENT_COLUMNS,
}
