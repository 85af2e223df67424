"""A bank's or a card's statement as OFX (1.x SGML, 2.x XML; .ofx, .qfx, .qbo): refused before ("no date column
among OFXHEADER:100")."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import ofx
from viewer.model.problems import LoadError

SGML = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20210201120000<LANGUAGE>ENG</SONRS>
</SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>EUR
<BANKACCTFROM><BANKID>30004<ACCTID>00012345678<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20210101<DTEND>20210131
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20210105<TRNAMT>-42.10<FITID>A1<NAME>SNCF Paris &amp; Lyon<MEMO>Train</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20210110120000.000[-5:EST]<TRNAMT>1500,00<FITID>A2<NAME>ACME Corp
<MEMO>Salary January</STMTTRN>
<STMTTRN><TRNTYPE>CHECK<DTPOSTED>2021-01-12<TRNAMT>-80<FITID>A3<CHECKNUM>1042<NAME>Dr Lopez</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>2<CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>4111</CCACCTFROM>
<BANKTRANLIST><STMTTRN><TRNTYPE>POS<DTPOSTED>20210115<TRNAMT>-9.99<FITID>C1<NAME>Bookshop</STMTTRN>
</BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
</OFX>
"""

XML = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP</CURDEF><BANKACCTFROM><ACCTID>987</ACCTID></BANKACCTFROM>
<BANKTRANLIST><STMTTRN><TRNTYPE>ATM</TRNTYPE><DTPOSTED>20220301093000[+1:CET]</DTPOSTED><TRNAMT>-20.00</TRNAMT>
<FITID>X1</FITID><NAME>Cash machine</NAME></STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""


@pytest.mark.parametrize("name", ["statement.ofx", "statement.qfx", "statement.qbo", "statement"])
def test_each_transaction_is_an_event_with_its_payee_amount_and_account(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SGML, encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("id")
    assert list(ds.events["id"]) == ["A1", "A2", "A3", "C1"]
    train = events.loc["A1"]
    assert (train["title"], train["actors"], train["category"]) == ("SNCF Paris & Lyon", "SNCF Paris & Lyon", "debit")
    assert str(train["start"]) == "2021-01-05 00:00:00+00:00" and train["precision"] == "day"
    salary = events.loc["A2"]
    assert str(salary["start"]) == "2021-01-10 17:00:00+00:00" and salary["precision"] == "time"
    assert salary["description"] == "Salary January"
    assert (salary["attr:amount"], salary["attr:currency"], salary["attr:account"]) == (1500.0, "EUR", "00012345678")
    assert events.loc["A3", "attr:check_number"] == 1042
    card = events.loc["C1"]
    assert (card["attr:currency"], card["attr:account"], card["attr:amount"]) == ("USD", "4111", -9.99)
    assert set(ds.entities["name"]) == {"SNCF Paris & Lyon", "ACME Corp", "Dr Lopez", "Bookshop"}
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_the_xml_form_reads_alike(tmp_path: Path) -> None:
    path = tmp_path / "statement.xml"
    path.write_text(XML, encoding="utf-8")
    ds = viewer.load(path)
    event = ds.events.iloc[0]
    assert (event["id"], event["title"], event["category"]) == ("X1", "Cash machine", "atm")
    assert str(event["start"]) == "2022-03-01 08:30:00+00:00"
    assert event["attr:currency"] == "GBP"


def test_a_date_that_cannot_be_read_is_said_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "statement.ofx"
    path.write_text(SGML.replace("<DTPOSTED>20210115", "<DTPOSTED>pending"), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 3
    said = [p for p in ds.problems if "pending" in p.message]
    assert len(said) == 1 and said[0].row == 20 and "transaction skipped" in said[0].message


def test_a_statement_without_transactions_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "empty.ofx"
    path.write_text(SGML.split("<BANKTRANLIST>", maxsplit=1)[0] + "</OFX>\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.ofx: no transaction"):
        viewer.load(path)


def test_ofx_dates() -> None:
    assert ofx.iso_instant("20210105") == ("2021-01-05", "day")
    assert ofx.iso_instant("20210105120000.000[-5:EST]") == ("2021-01-05T12:00:00-05:00", "time")
    assert ofx.iso_instant("202101051200[+5.5:IST]") == ("2021-01-05T12:00:00+05:30", "time")
    assert ofx.iso_instant("20210105120000") == ("2021-01-05T12:00:00+00:00", "time")
    assert ofx.iso_instant("soon") is None


def test_the_sgml_forms_windows_1252_is_read(tmp_path: Path) -> None:
    """OFX 1.x says CHARSET:1252: a payee's é is one byte, no UTF-8."""
    path = tmp_path / "statement.ofx"
    path.write_bytes(SGML.replace("Dr Lopez", "Café Müller").encode("cp1252"))
    assert "Café Müller" in set(viewer.load(path).events["title"])
