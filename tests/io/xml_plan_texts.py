"""Small, realistic XML documents whose records are not their largest group (shared by the XML and window tests)."""

from __future__ import annotations

_WEEK = "".join(
    f"<WeekDay><DayType>{day}</DayType><DayWorking>{int(day not in (1, 7))}</DayWorking>"
    + ("<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
       "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>"
       if day not in (1, 7) else "") + "</WeekDay>" for day in range(1, 8))


def _task(uid: int, name: str, level: int, start: str, finish: str, milestone: int = 0, summary: int = 0) -> str:
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><Type>0</Type><IsNull>0</IsNull>"
            f"<OutlineNumber>{uid}</OutlineNumber><OutlineLevel>{level}</OutlineLevel><Start>{start}</Start>"
            f"<Finish>{finish}</Finish><Duration>PT16H0M0S</Duration><Milestone>{milestone}</Milestone>"
            f"<Summary>{summary}</Summary><EarlyStart>{start}</EarlyStart><LateFinish>{finish}</LateFinish>"
            "<PercentComplete>0</PercentComplete></Task>")


def _timephased(days: int) -> str:
    return "".join(f"<TimephasedData><Type>1</Type><UID>2</UID><Start>2024-01-{8 + day:02d}T08:00:00</Start>"
                   f"<Finish>2024-01-{8 + day:02d}T17:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value>"
                   "</TimephasedData>" for day in range(days))


# Microsoft Project 2010's "Save as XML" (MSPDI): a calendar of seven week days, the project summary task (UID 0),
# a phase of two tasks and a milestone, two resources (one material) and three assignments, one with its daily
# work. Before, its week days were taken for the records and it was refused ("no date column among DayType …").
MSP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Project xmlns="http://schemas.microsoft.com/project"><SaveVersion>14</SaveVersion><Name>survey.xml</Name>'
       "<Title>Site survey</Title><Author>Dana Whitfield</Author><StartDate>2024-01-08T08:00:00</StartDate>"
       "<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>"
       f"<WeekDays>{_WEEK}</WeekDays></Calendar></Calendars><Tasks>"
       + _task(0, "Site survey", 0, "2024-01-08T08:00:00", "2024-01-12T17:00:00", summary=1)
       + _task(1, "Fieldwork", 1, "2024-01-08T08:00:00", "2024-01-11T17:00:00", summary=1)
       + _task(2, "Walk the site", 2, "2024-01-08T08:00:00", "2024-01-09T17:00:00")
       + _task(3, "Draw plans", 2, "2024-01-10T08:00:00", "2024-01-11T17:00:00")
       + _task(4, "Plans approved", 1, "2024-01-12T17:00:00", "2024-01-12T17:00:00", milestone=1)
       + "</Tasks><Resources><Resource><UID>0</UID><ID>0</ID><Type>1</Type></Resource>"
       "<Resource><UID>1</UID><ID>1</ID><Name>Dana Whitfield</Name><Type>1</Type></Resource>"
       "<Resource><UID>2</UID><ID>2</ID><Name>Omar Haddad</Name><Type>1</Type></Resource>"
       "<Resource><UID>3</UID><ID>3</ID><Name>Survey pegs</Name><Type>0</Type></Resource></Resources>"
       "<Assignments><Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID>"
       f"<Start>2024-01-08T08:00:00</Start><Finish>2024-01-09T17:00:00</Finish>{_timephased(2)}</Assignment>"
       "<Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>3</ResourceUID></Assignment>"
       "<Assignment><UID>3</UID><TaskUID>3</TaskUID><ResourceUID>2</ResourceUID></Assignment>"
       "</Assignments></Project>")

# The same plan with an assignment's daily work (timephased data) longer than the task list: before, that work
# was taken for the records, twelve events titled "1".
MSP_TIMEPHASED = MSP.replace(_timephased(2), _timephased(12))

# GanttProject 3.2's .gan: tasks in tasks, each with a start and a duration in working days; resources allocated.
GAN = """<?xml version="1.0" encoding="UTF-8"?>
<project name="Kitchen renovation" company="" webLink="http://" view-date="2024-01-01" version="3.2.3240">
    <description><![CDATA[Ground floor kitchen]]></description>
    <view zooming-state="default:3" id="gantt-chart">
        <field id="tpd3" name="Name" width="220" order="0"/>
        <field id="tpd4" name="Begin date" width="78" order="1"/>
    </view>
    <calendars><day-types><day-type id="0"/><day-type id="1"/>
        <default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/>
        <only-show-weekends value="false"/><overriden-day-types/><days/></day-types></calendars>
    <tasks empty-milestones="true">
        <taskproperties>
            <taskproperty id="tpd3" name="name" type="default" valuetype="text"/>
            <taskproperty id="tpd4" name="begindate" type="default" valuetype="date"/>
        </taskproperties>
        <task id="0" name="Design" color="#8cb6ce" meeting="false" start="2024-01-08" duration="10" complete="60"
              expand="true">
            <task id="1" name="Measure up" meeting="false" start="2024-01-08" duration="1" complete="100">
                <depend id="2" type="2" difference="0" hardness="Strong"/>
            </task>
            <task id="2" name="Choose units" meeting="false" start="2024-01-09" duration="9" complete="40">
                <notes><![CDATA[Showroom visit Saturday]]></notes>
            </task>
        </task>
        <task id="3" name="Order placed" color="#000000" meeting="true" start="2024-01-22" duration="0"/>
        <task id="5" name="Fitting" meeting="false" start="2024-02-05" duration="8" complete="0">
            <task id="4" name="Strip old kitchen" meeting="false" start="2024-02-05" duration="2"/>
            <task id="6" name="Install units" meeting="false" start="2024-02-07" duration="6">
                <task id="7" name="Worktops" meeting="false" start="2024-02-13" duration="2"/>
            </task>
        </task>
    </tasks>
    <resources>
        <resource id="0" name="Sam (carpenter)" function="Default:1" contacts="sam@example.com"/>
        <resource id="1" name="Me" function="Default:0" contacts=""/>
    </resources>
    <allocations>
        <allocation task-id="1" resource-id="1" function="Default:0" responsible="true" load="100.0"/>
        <allocation task-id="6" resource-id="0" function="Default:1" responsible="true" load="100.0"/>
        <allocation task-id="6" resource-id="1" function="Default:0" responsible="false" load="50.0"/>
    </allocations>
    <vacations/><previousTasks/><roles roleset-name="Default"/>
</project>
"""

_SALE = ("<{kind}Transaction><securityTitle><value>{title}</value></securityTitle><transactionDate><value>{date}"
         "</value></transactionDate><transactionCoding><transactionFormType>4</transactionFormType><transactionCode>"
         "{code}</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding><transactionAmounts>"
         "<transactionShares><value>{shares}</value></transactionShares><transactionPricePerShare><value>{price}"
         "</value></transactionPricePerShare><transactionAcquiredDisposedCode><value>{way}</value>"
         "</transactionAcquiredDisposedCode></transactionAmounts></{kind}Transaction>")

# SEC EDGAR's Form 4 (an ownership document): one sale of shares and one grant of units. Before, the issuer was
# taken for the records and the file refused ("no date column among issuerCik, issuerName …").
FORM4 = ('<?xml version="1.0"?>\n<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>4'
         "</documentType><periodOfReport>2024-04-01</periodOfReport><issuer><issuerCik>0000320193</issuerCik>"
         "<issuerName>Apple Inc.</issuerName><issuerTradingSymbol>AAPL</issuerTradingSymbol></issuer>"
         "<reportingOwner><reportingOwnerId><rptOwnerCik>0001214128</rptOwnerCik><rptOwnerName>LEVINSON ARTHUR D"
         "</rptOwnerName></reportingOwnerId><reportingOwnerAddress><rptOwnerCity>CUPERTINO</rptOwnerCity>"
         "<rptOwnerState>CA</rptOwnerState></reportingOwnerAddress><reportingOwnerRelationship><isDirector>1"
         "</isDirector><isOfficer>0</isOfficer></reportingOwnerRelationship></reportingOwner><nonDerivativeTable>"
         + _SALE.format(kind="nonDerivative", title="Common Stock", date="2024-04-01", code="S", shares="50000",
                        price="170.0318", way="D")
         + "</nonDerivativeTable><derivativeTable>"
         + _SALE.format(kind="derivative", title="Restricted Stock Unit", date="2024-02-01", code="A", shares="1852",
                        price="0", way="A")
         + "</derivativeTable><footnotes><footnote id=\"F1\">Sold under a Rule 10b5-1 plan.</footnote></footnotes>"
         "<ownerSignature><signatureName>/s/ Sam Whittington, Attorney-in-Fact</signatureName><signatureDate>"
         "2024-04-03</signatureDate></ownerSignature></ownershipDocument>")

# Apple Health's export.xml: records and a workout (before, the workout was dropped without a word).
HEALTH = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
]>
<HealthData locale="en_DE">
 <ExportDate value="2023-01-06 09:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-01-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Jane’s iPhone" unit="count" creationDate="2023-01-05 09:15:02 +0100" startDate="2023-01-05 09:00:00 +0100" endDate="2023-01-05 09:10:00 +0100" value="1203"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Jane’s Apple Watch" unit="count/min" creationDate="2023-01-05 22:01:00 +0100" startDate="2023-01-05 21:59:00 +0100" endDate="2023-01-05 21:59:00 +0100" value="62">
  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>
 </Record>
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30.5" durationUnit="min" sourceName="Jane’s Apple Watch" creationDate="2023-01-05 18:31:00 +0100" startDate="2023-01-05 18:00:00 +0100" endDate="2023-01-05 18:30:30 +0100"/>
 <ActivitySummary dateComponents="2023-01-04" activeEnergyBurned="420" appleExerciseTime="31"/>
 <ActivitySummary dateComponents="2023-01-05" activeEnergyBurned="512" appleExerciseTime="35"/>
</HealthData>
"""  # noqa: E501  (Apple writes each record on one line)
