"""Questions the guidance cannot answer, recognised before retrieval so the assistant says so
instead of quoting something that merely looks similar.

The library holds five documents from 2008-2016. Questions about later editions, later
inquiries, current events, other legal areas (immigration, employment, adult safeguarding)
or local systems are out of its reach whatever retrieval returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE


@dataclass(frozen=True)
class ScopeGap:
    key: str
    reason: str  # shown to the user, after "I can't answer that from the guidance I have:"


_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "later_edition",
        re.compile(
            r"\b(?:20(?:1[3-9]|2\d)|latest|newest|new|current|updated|revised)\b[^.?!]{0,40}\b(?:working together|wt|kcsie|keeping children safe)\b"
            r"|\b(?:working together|kcsie|keeping children safe in education)\b[^.?!]{0,40}\b20(?:1[3-9]|2\d)\b"
            r"|\bkcsie\b|\bkeeping children safe in education\b|\bsafeguarding partners?\b|\bsafeguarding partnerships?\b"
            r"|\bchild safeguarding practice reviews?\b|\bcspr\b|\bnational panel\b"
            r"|\b(?:act|regulations?|guidance|duty|law|bill|code|framework|edition|report|review|inquiry|strategy)\b[^.?!]{0,30}\b20(?:1[7-9]|2\d)\b"
            r"|\b20(?:1[7-9]|2\d)\b[^.?!]{0,30}\b(?:act|regulations?|guidance|duty|law|bill|code|framework|edition|report|review|inquiry|changes?)\b"
            r"|\b(?:come|came|coming) into (?:force|effect)\b|\bnew (?:\w+ ){0,3}(?:duty|law|legislation|act|rules?)\b|\bmandatory reporting\b",
            _I,
        ),
        "the newest document I hold was published in 2016, and Working Together 2010 has since been "
        "replaced (2013, 2015, 2018 and 2023 editions), so I can't tell you what later editions say",
    ),
    (
        "later_inquiry",
        re.compile(
            r"\bthirlwall\b|\blucy letby\b|\barthur labinjo|\bstar hobson\b|\bjay report\b|\brotherham\b"
            r"|\bmacalister\b|\bindependent review of children['’]?s social care\b|\biicsa\b"
            r"|\bindependent inquiry into child sexual abuse\b|\bcovid|\bcoronavirus\b|\bpandemic\b|\blockdown\b",
            _I,
        ),
        "that came after the documents I hold (2008-2016), so I have nothing on it",
    ),
    (
        "current_events",
        re.compile(
            r"\b(?:latest|most recent|recent|this year['’]?s?|last week|yesterday['’]?s?|yet)\b[^.?!]{0,60}\b(?:inspection|ofsted|report|rating|rated|judgement|news|published|figures|statistics)\b"
            r"|\b(?:inspection|ofsted|report|rating|figures|statistics)\b[^.?!]{0,60}\b(?:yet|latest|this year|now|currently|at the moment)\b"
            r"|\bhas ofsted published\b|\bwhat did (?:they|ofsted) rate\b"
            r"|\b(?:how many|number of|figures?|statistics|rates?)\b[^.?!]{0,80}\b(?:last year|this year|currently|right now|nowadays|today|20(?:1[7-9]|2\d))\b",
            _I,
        ),
        "I don't have live information such as recent inspections, ratings or news: only five documents "
        "published between 2008 and 2016",
    ),
    (
        "adults",
        re.compile(
            r"\badults? at risk\b|\bvulnerable adults?\b|\bcare act\b|\badult safeguarding\b|\bsix (?:safeguarding )?principles\b"
            r"|\bsafeguarding adults\b|\bmaking safeguarding personal\b|\bdeprivation of liberty\b|\bmental capacity act\b",
            _I,
        ),
        "the guidance I hold is about children; adult safeguarding (the Care Act 2014 and its principles) is not in it",
    ),
    (
        "immigration_employment",
        re.compile(
            r"\bvisa\b|\bimmigration\b|\bright to (?:stay|remain|work)\b|\bleave to remain\b|\bhome office status\b"
            r"|\ballowed to work\b|\b(?:part[- ]time|weekend|saturday) (?:job|work)\b|\bminimum wage\b|\bwork permit\b"
            r"|\bbenefits?\b[^.?!]{0,30}\b(?:entitled|claim)\b|\bdivorce\b|\bcustody\b|\bchild maintenance\b",
            _I,
        ),
        "that is a legal question outside safeguarding guidance (immigration, employment or family law); "
        "I'm not a legal service, so please get advice from a solicitor or a specialist adviser",
    ),
    (
        "other_nations",
        re.compile(
            r"\b(?:in|for|across)\s+(?:scotland|wales|northern ireland|ireland)\b|\bscottish\b|\bwelsh\b|\bgirfec\b", _I
        ),
        "the guidance I hold is for England; Scotland, Wales and Northern Ireland have their own guidance and law",
    ),
    (
        "resources",
        re.compile(
            r"\brecommend (?:a|any|some|me a)\s+(?:good\s+)?(?:book|app|website|course|resource|video|podcast|training)s?\b"
            r"|\bgrade boundaries\b|\bofsted (?:grades?|ratings?) (?:for|boundaries)\b",
            _I,
        ),
        "I can only quote the five documents I hold, and they don't cover that",
    ),
    (
        "systems",
        re.compile(
            r"\bmosaic\b|\bliquid ?logic\b|\blcs\b|\behm\b|\bcpoms\b|\bmy ?concern\b|\bsystmone\b|\bemis\b|\brio\b"
            r"|\bcase management (?:system|software)\b|\bhow do i (?:log|close|open) (?:a |the )?case\b|\bpassword\b",
            _I,
        ),
        "I can't help with case-recording systems or IT: your system administrator or team manager can",
    ),
)


def scope_gap(text: str) -> ScopeGap | None:
    """The first reason the guidance cannot answer ``text``, or None if it may."""
    for key, pattern, reason in _RULES:
        if pattern.search(text):
            return ScopeGap(key, reason)
    return None
