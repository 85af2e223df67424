"""Which column of an event table is which event field, guessed from the column names; a start column of
years completed by month and day columns of their own, or a start column of days that name no year ("21 April",
as Wikipedia's timelines write them beside a Year column) completed by the year column.

Names are compared without case, spaces, underscores or dots; exact names win over name parts.
``certain`` is False when the start or the title had to be guessed, which opens the mapping dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from viewer.model.dates import numbers
from viewer.model.dates.columns import clean_text
from viewer.model.problems import Problem

_NAMES: dict[str, tuple[str, ...]] = {
    # an event's own date before a record's stamp: ACLED's event_date beside its timestamp (of the upload)
    "start": ("date", "start", "startdate", "begin", "begindate", "eventdate", "datetime", "timestamp", "when", "year",
              "iyear", "time", "starttime", "occurred", "dt", "day",
              # what logs and databases call a Unix time
              "ts", "epoch", "unixtime", "epochtime", "epochms", "epochmillis", "tsms", "unixts",
              "timestampms", "timestampmillis", "timems", "timemillis",  # Google Takeout's location records
              "visittime", "lastvisittime", "lastlogon",  # browsers' history, Active Directory
              "timeadded", "addedat", "addedon", "savedat", "savedon",  # read-later lists: Pocket's time_added
              # a record's making before its last change: Jira's Created beside Updated and Resolved
              "created", "createdat", "createdon", "datecreated", "creationdate",
              # feeds: RSS's pubDate, Atom's published (else its updated)
              "pubdate", "published", "updated",
              "validfrom", "effectivefrom",  # a spell's first bound, beside its valid_to
              # simulation ticks and steps: plain numbers, read on the numeric clock (table_clock)
              "tick", "step", "timestep", "iteration", "generation", "frame", "t",
              # times from a recording's start: read on the elapsed clock (hours, minutes and seconds)
              "elapsed", "elapsedtime", "timecode", "timeoffset",
              # in other languages: German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech, Turkish,
              # Russian, Ukrainian, Japanese, Chinese, Korean, Arabic
              "datum", "beginn", "anfang", "début", "datedébut", "datededébut", "fecha", "fechainicio",
              "fechadeinicio", "inicio", "datainizio", "datainício", "datainicio", "inizio", "begindatum",
              "początek", "datarozpoczęcia", "začátek", "tarih", "başlangıç", "дата", "начало", "датаначала",
              "початок", "日付", "日時", "開始", "开始", "日期", "时间", "날짜", "시작", "일자", "تاريخ",
              "วันที่", "วันเริ่มต้น", "วันเริ่ม", "เริ่มต้น", "เริ่ม"),  # and Thai
    "end": ("end", "enddate", "stop", "finish", "until", "endtime", "to",
            # a task's due date, a company's dissolution, an officer's resignation (Companies House)
            "due", "duedate", "deadline", "dissolutiondate", "dateofdissolution", "dateofcessation", "ceasedon",
            "resignedon", "dissolvedon",
            "endetam", "fechadefinalización", "fechadefinalizacion",  # Outlook's German and Spanish exports
            "ende", "enddatum", "bis", "fin", "datefin", "datedefin", "fechafin", "fechafinal", "fechadefin",
            "datafine", "fim", "datafim", "einddatum", "koniec", "datazakończenia", "konec", "bitiş",
            "конец", "окончание", "датаокончания", "кінець", "終了", "结束", "종료", "نهاية", "วันสิ้นสุด", "สิ้นสุด"),
    "title": ("title", "headline", "name", "event", "summary", "subject", "label", "eventname", "what",
              "task", "taskname", "activityname",  # project plans: TeamGantt's Task, Primavera's Activity Name
              "betreff", "objet", "asunto",  # Outlook's Subject in German, French and Spanish
              "titel", "ereignis", "bezeichnung", "titre", "événement", "evenement", "título", "titulo", "evento",
              "titolo", "gebeurtenis", "tytuł", "wydarzenie", "nazwa", "název", "událost", "başlık", "olay",
              "событие", "название", "заголовок", "подія", "назва", "件名", "出来事", "事件", "标题", "名称",
              "제목", "사건", "عنوان", "حدث", "เรื่อง", "หัวข้อ", "เหตุการณ์", "ชื่อเรื่อง"),
    "actors": ("actor", "actors", "group", "party", "parties", "who", "entity", "entities", "organisation",
               "organization", "origin", "destination", "participants", "author", "creator",
               # event data: ICEWS's source and target, the Global Terrorism Database's group name
               "sourcename", "targetname", "perpetrator", "perpetrators", "gname",
               # messages and transcripts: Telegram's from (a column of dates named so is the start instead)
               "from", "sender", "fromname", "sendername", "speaker",
               # who did it, as time trackers (Toggl's User), issue trackers (Jira's Assignee) and calendars write it
               "user", "username", "member", "employee", "person", "people", "assignee", "reporter", "attendees",
               "organizer", "organiser", "host",
               # a plan's or a calendar's people: Smartsheet's Assigned To, ClickUp's Assignees, MS Project's
               # Resource Names, Outlook's Required Attendees and Meeting Organizer
               "assignedto", "assignees", "resourcenames", "requiredattendees", "optionalattendees",
               "meetingorganizer",
               "akteur", "akteure", "beteiligte", "acteur", "acteurs", "actores", "participante",
               "participantes", "attore", "attori", "uczestnik", "uczestnicy", "účastník", "katılımcı",
               "участник", "участники", "учасник", "учасники", "参加者", "参与者", "참가자", "หน่วยงาน", "ผู้เกี่ยวข้อง"),
    "category": ("category", "type", "kind", "class", "tag", "eventtype",
                 "typeofevent", "typeofviolence", "eventcategory", "incidenttype",  # UCDP's type_of_violence
                 "ประเภท"),
    "tags": ("tags", "keywords", "labels"),  # GitHub's and Jira's labels, Gmail's
    "url": ("url", "link", "source", "sourceurl", "href"),
    "description": ("description", "text", "details", "notes", "note", "body", "desc", "eventtext", "summary",
                    "content", "beschreibung", "texte", "descripción", "descripcion", "descrizione",
                    "descrição", "descricao", "beschrijving", "opis", "popis", "açıklama", "описание",
                    "опис", "説明", "描述", "설명", "وصف", "รายละเอียด"),
    "time": ("time", "hour", "clock", "beginntum", "heurededébut", "heurededebut", "horadecomienzo"),
    "end_time": ("endtime", "finishtime", "stoptime", "endhour", "endetum", "heuredefin", "horadefinalización",
                 "horadefinalizacion"),  # Outlook's End Date beside its End Time
    "timezone": ("timezone", "tz", "zone"),
    # a calendar's flag: Outlook's "All day event", Google Calendar's "All Day Event", CalDAV tools' is_all_day
    "all_day": ("allday", "alldayevent", "isallday", "alldayflag", "wholeday", "fullday", "ganztägig",
                "ganztägigesereignis", "ganztaegigesereignis",
                "ganztaegig", "journéeentière", "todoeldía", "tuttoilgiorno"),
    "id": ("id", "eventid", "uid", "guid", "globaleventid", "eventidcnty"),  # (GDELT's, ACLED's)
    # how long an event lasted, beside its start: a call log's, a time tracker's, schema.org's duration
    "duration": ("duration", "durations", "elapsed", "elapsedtime", "timespent", "callduration", "calllength",
                 "dauer", "durée", "duree", "duración", "duracion", "durata", "duração", "duracao", "duur",
                 "czastrwania", "doba", "süre", "длительность", "продолжительность", "тривалість", "所要時間",
                 "期間", "时长", "持续时间", "기간", "المدة"),
}
_CREATED = r"^(created|published|posted|occurred)(at|on|utc)?$"  # createdAt, published_on, Reddit's created_utc
_SIDES = r"^(actor|side|party|participant)[0-9ab]?(name)?$|^assocactor[0-9]?$"  # ACLED's actor1, UCDP's side_a
# who made a record, as exports name it: SharePoint's and Airtable's Created By, Trello's memberCreator, a blog's
# post_author, a calendar's event organizer (not Modified By: an edit's, not the event's)
_BY_WHOM = r"(creator|author|createdby|postedby|sentby|organi[sz]er|assignee)(name)?$"
# GitHub's closed_at, Jira's Resolved, a register's dissolved_on
_ENDED = r"^(ended|finished|stopped|closed|resolved|dissolved|dissolution|ceased|resigned|terminated)(at|on|date)?$"
# words that end as a date's name does and name no date: a candidate, a mandate (538's primaries: "Candidate" beside
# "Primary Date" was read as the start, and every row refused)
_NOT_DATES = r"(?<!candi)(?<!man)(?<!vali)(?<!consoli)(?<!liqui)(?<!accommo)(?<!intimi)(?<!eluci)"
_PARTS = {"start": _NOT_DATES + r"(date|datetime|timestamp|dt)$|^(date|start|begin)|(?<!per)year$|" + _CREATED +
                   r"|^pickup(date|datetime|timestamp|time|at|on)?$",  # a trip's (not departure: a stay's end)
          # UCDP's date_end, end_time, eventEndDate; not a name that only begins so (endorsement, endpoint)
          "end": r"^(end|stop|finish)(date|datetime|time|dt|day|at|on)$|(date|time|day)(end|stop|finish)$|"
                 r"(end|finish)(date|datetime|timestamp|time)$|" + _ENDED +  # Apple Music's Event End Timestamp
                 r"|dropoff(date|datetime|timestamp|time)?$"  # a trip's: Uber's, New York taxis'
                 # a spell's other bound: to_date, valid_to, date_until (not today)
                 r"|^(to|till|until|thru|through|validto|validuntil|validtill|effectiveto)(date|datetime|timestamp)?$"
                 r"|^date(to|until|till|thru)$",
          "title": r"(title|headline|name|label)$",  # battleLabel: Wikidata's label of an item
          # what kind of event a row is, as open data names it: Chicago's Primary Type, New York 311's Complaint
          # Type, San Francisco's Incident Category, EM-DAT's Disaster Type, a 911 log's Call Type (not a file's,
          # a mail's or a value's type: Content-Type, MIME type, data type)
          "category": r"^(?!.*(content|mime|file|data)type$).+(type|category)$",
          "description": r"^(?!.*date).*(descr|description|text)$",  # (not ClickUp's Start Date Text)
          "timezone": r"(timezone|tz)$",
          # (Telegram's date_unixtime is no time of day, nor are Strava's Elapsed Time and Moving Time)
          "time": r"^(?!.*(unix|epoch|date|stamp|elapsed|moving|spent|total|response|wait|travel|cpu|runtime|idle|"
                  r"processing|reaction|cycle|lead|rolled|rollup|logged|tracked|estimated)).*time$",
          "duration": r"^(duration|elapsed|timespent)|duration$"}  # duration_min, Duration (h), call_duration


@dataclass(frozen=True)
class Mapping:
    """Which column feeds which event field; ``certain`` is False when start or title had to be guessed."""

    start: str | None = None
    end: str | None = None
    title: str | None = None
    actors: tuple[str, ...] = ()
    category: str | None = None
    description: str | None = None
    url: str | None = None
    time: str | None = None
    timezone: str | None = None
    id: str | None = None
    certain: bool = False
    tags: str | None = None  # ``;``-separated tags, as the native format's column
    end_time: str | None = None  # the time of day of a column of end dates
    all_day: str | None = None  # a calendar's all-day flag: those rows are whole days (table_all_day)
    duration: str | None = None  # how long each event lasted: its end where no end is written (table_duration)
    said: tuple[Problem, ...] = ()  # what checking the names against the values changed (table_by_values)


def column_key(name: str) -> str:
    """A column's name as names are compared: no case, spaces, underscores, hyphens or dots (Start_Date: startdate)."""
    return re.sub(r"[\s_\-.\xa0\u200b-\u200d\u2060\ufeff]+", "", name).lower()  # (and invisible ones: \u200bTitle)


def guess_mapping(columns: list[str]) -> Mapping:
    """Guess the role of each column from its name (case, space and underscore do not matter)."""
    keys = {c: column_key(c) for c in columns}
    taken: set[str] = set()

    def pick(role: str) -> str | None:
        for wanted in _NAMES[role]:
            for column, key in keys.items():
                if key == wanted and column not in taken:
                    taken.add(column)
                    return column
        pattern = _PARTS.get(role)
        hits = [c for c, k in keys.items() if pattern and c not in taken and re.search(pattern, k)
                and not (role == "title" and _names_actors(k))]  # ICEWS's Source Name, GDELT's Actor1Name
        hits.sort(key=lambda c: _preferred(keys[c]))
        if hits:
            taken.add(hits[0])
            return hits[0]
        return None

    found = {"start": _start(keys, taken, pick)}
    found |= {role: pick(role) for role in ("end", "title", "category", "url", "description", "id")}
    actors = tuple(c for c, k in keys.items() if c not in taken and _names_actors(k))
    start = found["start"]
    time = pick("time") if start and not re.search(r"time|stamp", keys[start]) else None
    end = found["end"]
    end_time = pick("end_time") if time and end and not re.search(r"time|stamp", keys[end]) else None
    certain = start is not None and found["title"] is not None
    return Mapping(start, end, found["title"], actors, found["category"], found["description"],
                   found["url"], time, pick("timezone"), found["id"], certain, pick("tags"), end_time,
                   pick("all_day") if start else None, pick("duration") if start else None)


def _start(keys: dict[str, str], taken: set[str], pick: Callable[[str], str | None]) -> str | None:
    """The start column: a column of years gives way to one named as a date (ACLED's year beside its
    event_date, UCDP's beside date_start), unless month (and day) columns complete the years (the Global
    Terrorism Database's iyear, imonth, iday beside its mostly empty approxdate); so does a time since a
    recording's start (Strava's Elapsed Time beside its Activity Date: then the duration)."""
    start = pick("start")
    yearly = start is not None and (keys[start] in YEAR_KEYS or keys[start].endswith("year"))  # (Fiscal Year)
    if start is None or (not yearly and keys[start] not in SINCE_KEYS) or (
            keys[start] in YEAR_KEYS and date_parts(list(keys), start) is not None):
        return start
    dated = [c for c, k in keys.items() if c not in taken and re.search(_PARTS["start"], k) and not k.endswith("year")]
    dated.sort(key=lambda c: _preferred(keys[c]))
    if not dated:
        return start
    taken.discard(start)
    taken.add(dated[0])
    return dated[0]


def _preferred(key: str) -> tuple[bool, bool, bool, bool]:
    """Which of several matching names comes first: not one that reads as an end (a register's DissolutionDate
    before its IncorporationDate, Apple Music's Event End Timestamp before its Event Start Timestamp), then an
    event's or a start, then not an update."""
    return (ends(key), "event" not in key and "start" not in key, "start" not in key, "update" in key)


def ends(key: str) -> bool:
    """Whether a column's name (as :func:`column_key` writes it) reads as an end."""
    return key in _NAMES["end"] or re.search(_PARTS["end"], key) is not None


def named_start(key: str) -> bool:
    """Whether a column's name (as :func:`column_key` writes it) is one a start goes by (Date, Beginn, Fecha), not
    only one that begins as a start's does (Beginning Cash)."""
    return key in _NAMES["start"]


def starts(key: str) -> bool:
    """Whether a column's name (as :func:`column_key` writes it) reads as a start."""
    return key in _NAMES["start"] or re.search(_PARTS["start"], key) is not None


def _names_actors(key: str) -> bool:
    return key in _NAMES["actors"] or re.search(_SIDES, key) is not None or re.search(_BY_WHOM, key) is not None


YEAR_KEYS = ("year", "iyear", "yr", "yyyy")
SINCE_KEYS = ("elapsed", "elapsedtime", "timecode", "timeoffset")  # the elapsed clock's: a date column wins
MONTH_KEYS = ("month", "imonth", "mon", "mm")
DAY_KEYS = ("day", "iday", "dd")


def date_parts(columns: list[str], start: str | None) -> tuple[str, str | None] | None:
    """The month column and the day column (if any) that complete a start column of years ("year, month,
    day" as statistical tables write dates; the Global Terrorism Database's iyear, imonth, iday), or None."""
    if start is None or column_key(start) not in YEAR_KEYS:
        return None
    keys = {column_key(c): c for c in reversed(columns)}  # the first of two alike names
    month = next((keys[k] for k in MONTH_KEYS if k in keys), None)
    if month is None:
        return None
    return month, next((keys[k] for k in DAY_KEYS if k in keys), None)


def with_date_parts(frame: pd.DataFrame, start: str | None, label: str, problems: list[Problem]) -> pd.DataFrame:
    """The table with a start column of years completed by its month and day columns, when it has them (said
    in Problems); the table as it is otherwise."""
    parts = date_parts([str(c) for c in frame.columns], start)
    quarter = _quarter_column(frame, start)
    if (parts is None and quarter is None) or start is None:
        return _with_years(frame, start, label, problems)
    if parts is None:  # a year and a quarter column: the quarter's months ("Q1 2019")
        problems.append(Problem(label, f"dates made from the columns {start} and {quarter}", None, start, "info"))
        return frame.assign(**{start: numbers.from_quarters(frame[start], frame[quarter])})
    month, day = parts
    problems.append(Problem(label, f"dates made from the columns {start}, {month}" + (f" and {day}" if day else ""),
                            None, start, "info"))
    unread = clean_text(frame[month]).notna() & numbers.month_numbers(frame[month]).isna()
    if unread.any():  # (a month written 0 is unknown, as the Global Terrorism Database writes it)
        unread &= ~frame[month].astype(str).str.strip().isin(["0", "00", "0.0"])
    if unread.any():
        problems.append(Problem(label, f"{int(unread.sum()):,} month{'s' * (int(unread.sum()) != 1)} not read "
                                "(expected 1-12 or a month's name, e.g. "
                                f"{str(frame[month][unread].iloc[0])!r}): the year alone kept", None, month, "warning"))
    return frame.assign(**{start: numbers.from_parts(frame[start], frame[month], frame[day] if day else None)})


QUARTER_KEYS = ("quarter", "qtr", "q", "quartal", "trimestre", "kwartaal", "квартал")


def _quarter_column(frame: pd.DataFrame, start: str | None) -> str | None:
    """A quarter column completing a start column of years (statistical tables: "year, quarter"), or None."""
    if start is None or column_key(start) not in YEAR_KEYS:
        return None
    return next((str(c) for c in frame.columns if column_key(str(c)) in QUARTER_KEYS), None)


# a day and a month, or a month, with no year: "21 April", "April 21st", "Sept."
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_YEARLESS = rf"(?i)(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)"


def _with_years(frame: pd.DataFrame, start: str | None, label: str, problems: list[Problem]) -> pd.DataFrame:
    """The table with a start column whose dates name no year ("21 April") completed by a column of years
    ("753 BC", "1066") beside it, when every date written is so and a year column is there; as it is otherwise.
    A row with a year and no day is its year."""
    years = next((c for c in frame.columns if column_key(str(c)) in YEAR_KEYS and c != start), None)
    if start is None or years is None or start not in frame.columns:
        return frame
    if not _yearless(frame[start].head(200)):  # a look at the first rows before the whole column (ACLED's million)
        return frame
    days = frame[start].astype("string[pyarrow]").str.strip().replace("", pd.NA)
    if not _yearless(days):
        return frame
    year = clean_text(frame[years]).astype("string")  # (a workbook's 1066.0 as 1066)
    problems.append(Problem(label, f"dates made from the columns {start} and {years} (the dates name no year)",
                            None, start, "info"))
    # a day without its year stays as written, to be said unread by its row
    return frame.assign(**{str(start): (days + " " + year).fillna(year).fillna(days).astype(object)})


def _yearless(values: pd.Series) -> bool:
    """Whether every date written names a day and a month, or a month, and no year (some are written)."""
    if not (pd.api.types.is_string_dtype(values.dtype) or pd.api.types.is_object_dtype(values.dtype)):
        return False  # numbers, or dates already read
    given = values.astype("string[pyarrow]").str.strip().replace("", pd.NA).dropna()
    return not given.empty and bool(given.str.fullmatch(_YEARLESS).all())
