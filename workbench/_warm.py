"""Imported by the forkserver before it forks pool workers (see ``workbench.extract.process_pool``).

The lexicons, gazetteers and big regexes are built on first use (about 0.9 s of CPU). Built
here once, in the forkserver, every worker forked from it starts with them instead of
building them again. Only caches are filled: nothing here changes what an extractor returns.
"""

from __future__ import annotations

import datetime as _dt

SAMPLE_TITLE = "Rockets hit Ain al-Asad air base"
SAMPLE = """BAGHDAD (Dispatches) -- Rockets struck the Ain al-Asad air base in Anbar on Monday, killing two
contractors and wounding at least five US service members, the Pentagon said.
"We will respond at a time and place of our choosing," Defense Secretary Lloyd Austin told reporters on Tuesday.
The Islamic Resistance in Iraq claimed the attack, its 97th operation since mid-October. According to the
Kurdistan Region's Counter-Terrorism Directorate (CTD), a drone was shot down near Erbil airport yesterday.
The CTD said there were no injuries. Kataib Hezbollah vowed to continue attacks, while Kirby said:
'Nobody is interested in escalating tensions.' US warplanes struck three targets along the Iraqi-Syrian border
two days ago, more than a week after the air raid. Over the past two months, about 150 attacks were carried out.
Share this article
Publish Date : 30 June 2021
"""


def warm() -> None:
    from workbench.clean import clean_text
    from workbench.dedup import minhash_signature
    from workbench.extract import extract_article
    from workbench.sentences import split_sentences

    cleaned = clean_text(SAMPLE, title=SAMPLE_TITLE)
    split_sentences(cleaned.text)
    minhash_signature(cleaned.text)
    for published in (None, _dt.date(2021, 6, 30)):
        extract_article("warm", cleaned.text, published=published, outlet="Rudaw", outlet_side="media")


try:
    warm()
except Exception:  # noqa: BLE001 - warming is an optimisation: a worker builds what it lacks itself
    pass
