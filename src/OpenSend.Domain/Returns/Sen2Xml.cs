using System.Globalization;
using System.Xml.Linq;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Returns;

/// <summary>
/// The SEN2 return as XML: root SEN2, a Header, one Person per child with their requests,
/// assessments, plans, settings, placements and needs nested inside, in the modules and items of
/// ../shared/spec/sen2.md. Element names follow that description's item names (docs/sen2.md says
/// where the DfE's own tags could not be confirmed here). Dates are ISO 8601; indicators are 1 or 0.
/// The reader turns a file this writer made back into the same return.
/// </summary>
public static class Sen2Xml
{
    public static XDocument Write(Sen2Return sen2)
    {
        var h = sen2.Header;
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("SEN2",
                new XElement("Header",
                    new XElement("CollectionDetails",
                        new XElement("Collection", Sen2Header.Collection),
                        new XElement("Year", h.Year),
                        new XElement("ReferenceDate", Date(h.ReferenceDate))),
                    new XElement("Source",
                        new XElement("SourceLevel", Sen2Header.SourceLevel),
                        new XElement("LEA", h.LaCode),
                        new XElement("SoftwareCode", h.SoftwareCode),
                        new XElement("Release", h.Release),
                        new XElement("SerialNo", h.SerialNo),
                        new XElement("DateTime", h.DateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture))),
                    Optional("DMO", YesNo(h.DesignatedMedicalOfficer)),
                    Optional("DCO", YesNo(h.DesignatedClinicalOfficer)),
                    Optional("DSCO", YesNo(h.DesignatedSocialCareOfficer))),
                sen2.Persons.Select(Person)));
    }

    public static Sen2Return Read(XDocument document)
    {
        var root = document.Root is { Name.LocalName: "SEN2" } r ? r : throw new FormatException("This is not an SEN2 return: its root element is not SEN2.");
        var header = Required(root, "Header");
        var collection = Required(header, "CollectionDetails");
        var source = Required(header, "Source");
        var h = new Sen2Header(
            int.Parse(Value(collection, "Year")!, CultureInfo.InvariantCulture),
            DateRequired(collection, "ReferenceDate"),
            Value(source, "LEA")!,
            Value(source, "SoftwareCode") ?? string.Empty,
            Value(source, "Release") ?? string.Empty,
            int.Parse(Value(source, "SerialNo") ?? "0", CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(Value(source, "DateTime")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Flag(Value(header, "DMO")), Flag(Value(header, "DCO")), Flag(Value(header, "DSCO")));
        return new Sen2Return(h, root.Elements("Person").Select(ReadPerson).ToList());
    }

    private static XElement Person(Sen2Person p) => new("Person",
        new XElement("Surname", p.Surname),
        new XElement("Forename", p.Forename),
        new XElement("PersonBirthDate", Date(p.DateOfBirth)),
        Optional("Sex", p.Sex switch { Sex.Male => "M", Sex.Female => "F", Sex.Unknown => "U", _ => null }),
        Optional("Ethnicity", p.Ethnicity),
        Optional("PostCode", p.Postcode),
        Optional("UPN", p.Upn),
        Optional("UniqueLearnerNumber", p.Uln),
        Optional("UPNunknown", p.UpnUnknownReason),
        new XElement("Requests", p.Requests.Select(Request)));

    private static XElement Request(Sen2Request r) => new("Request",
        new XElement("ReceivedDate", Date(r.ReceivedDate)),
        new XElement("RequestSource", r.Source),
        new XElement("RYA", Indicator(r.RelevantYouthAccommodation)),
        Optional("RequestOutcome", r.Outcome?.ToString()),
        Optional("RequestOutcomeDate", Date(r.OutcomeDate)),
        new XElement("RequestMediation", Indicator(r.Mediation)),
        new XElement("RequestTribunal", Indicator(r.Tribunal)),
        new XElement("Exported", Indicator(r.TransferredOut)),
        r.Assessment is { } a ? Assessment(a) : null);

    private static XElement Assessment(Sen2Assessment a) => new("Assessment",
        Optional("AssessmentOutcome", a.Outcome?.ToString()),
        Optional("AssessmentOutcomeDate", Date(a.OutcomeDate)),
        new XElement("AssessmentMediation", Indicator(a.Mediation)),
        new XElement("AssessmentTribunal", Indicator(a.Tribunal)),
        new XElement("OtherMediation", Indicator(a.OtherMediation)),
        new XElement("OtherTribunal", Indicator(a.OtherTribunal)),
        new XElement("Week20", Indicator(a.Week20Exception)),
        a.Plan is { } plan ? Plan(plan) : null);

    private static XElement Plan(Sen2Plan p) => new("NamedPlan",
        new XElement("StartDate", Date(p.StartDate)),
        new XElement("PlanRes", Indicator(p.Residential)),
        new XElement("PlanWBP", Indicator(p.WorkBasedLearning)),
        new XElement("PBOrganised", Indicator(p.PersonalBudgetOrganisedArrangements)),
        new XElement("PBDirectPayments", Indicator(p.PersonalBudgetDirectPayments)),
        Optional("CeaseDate", Date(p.CeaseDate)),
        Optional("CeaseReason", p.CeaseReason?.ToString(CultureInfo.InvariantCulture)),
        new XElement("PlanDetails", p.PlanSettings.Select(s => Setting("PlanDetail", s))),
        p.Active is { } active ? new XElement("ActivePlan",
            new XElement("TransferredIn", Indicator(active.TransferredFromLa is not null)),
            Optional("TransferLA", active.TransferredFromLa),
            Optional("ReviewMeeting", Date(active.ReviewMeeting)),
            Optional("ReviewOutcome", active.ReviewDecision),
            Optional("ReviewDecisionDate", Date(active.ReviewDecisionDate)),
            Optional("DraftAmendedPlanDate", Date(active.DraftAmendedPlanDate)),
            Optional("PhaseTransferDueDate", Date(active.PhaseTransferDueDate)),
            Optional("PhaseTransferFinalDate", Date(active.PhaseTransferFinalDate))) : null,
        new XElement("Placements", p.Placements.Select(s => Setting("PlacementDetail", s))),
        new XElement("SENNeeds", p.Needs.OrderBy(n => n.Rank).Select(n => new XElement("SENNeed",
            new XElement("SENType", n.Type), new XElement("SENTypeRank", n.Rank)))));

    private static XElement Setting(string name, Sen2Setting s) => new(name,
        Optional("URN", s.Urn),
        Optional("UKPRN", s.Ukprn),
        Optional("SENSetting", s.Category?.ToString()),
        new XElement("PlacementRank", s.Rank),
        new XElement("SENUnitIndicator", Indicator(s.SenUnit)),
        new XElement("ResourcedProvisionIndicator", Indicator(s.ResourcedProvision)),
        Optional("EntryDate", Date(s.EntryDate)),
        Optional("LeavingDate", Date(s.LeavingDate)));

    private static Sen2Person ReadPerson(XElement e) => new(
        Value(e, "Surname") ?? string.Empty,
        Value(e, "Forename") ?? string.Empty,
        DateRequired(e, "PersonBirthDate"),
        Value(e, "Sex") switch { "M" => Sex.Male, "F" => Sex.Female, "U" => Sex.Unknown, _ => null },
        Value(e, "Ethnicity"),
        Value(e, "PostCode"),
        Value(e, "UPN"),
        Value(e, "UniqueLearnerNumber"),
        Value(e, "UPNunknown"),
        (e.Element("Requests")?.Elements("Request") ?? []).Select(ReadRequest).ToList());

    private static Sen2Request ReadRequest(XElement e) => new(
        DateRequired(e, "ReceivedDate"),
        Enum.Parse<Sen2RequestSource>(Value(e, "RequestSource")!),
        Indicator(e, "RYA"),
        Value(e, "RequestOutcome") is { } outcome ? Enum.Parse<Sen2RequestOutcome>(outcome) : null,
        Date(e, "RequestOutcomeDate"),
        Indicator(e, "RequestMediation"),
        Indicator(e, "RequestTribunal"),
        Indicator(e, "Exported"),
        e.Element("Assessment") is { } a ? new Sen2Assessment(
            Value(a, "AssessmentOutcome") is { } o ? Enum.Parse<Sen2AssessmentOutcome>(o) : null,
            Date(a, "AssessmentOutcomeDate"),
            Indicator(a, "AssessmentMediation"),
            Indicator(a, "AssessmentTribunal"),
            Indicator(a, "OtherMediation"),
            Indicator(a, "OtherTribunal"),
            Indicator(a, "Week20"),
            a.Element("NamedPlan") is { } p ? ReadPlan(p) : null) : null);

    private static Sen2Plan ReadPlan(XElement e) => new(
        DateRequired(e, "StartDate"),
        Indicator(e, "PlanRes"),
        Indicator(e, "PlanWBP"),
        Indicator(e, "PBOrganised"),
        Indicator(e, "PBDirectPayments"),
        Date(e, "CeaseDate"),
        Value(e, "CeaseReason") is { } reason ? int.Parse(reason, CultureInfo.InvariantCulture) : null,
        (e.Element("PlanDetails")?.Elements("PlanDetail") ?? []).Select(ReadSetting).ToList(),
        e.Element("ActivePlan") is { } a ? new Sen2ActivePlan(Value(a, "TransferLA"), Date(a, "ReviewMeeting"), Value(a, "ReviewOutcome"), Date(a, "ReviewDecisionDate"),
            Date(a, "DraftAmendedPlanDate"), Date(a, "PhaseTransferDueDate"), Date(a, "PhaseTransferFinalDate")) : null,
        (e.Element("Placements")?.Elements("PlacementDetail") ?? []).Select(ReadSetting).ToList(),
        (e.Element("SENNeeds")?.Elements("SENNeed") ?? []).Select(n => new Sen2Need(Enum.Parse<Sen2NeedType>(Value(n, "SENType")!), int.Parse(Value(n, "SENTypeRank")!, CultureInfo.InvariantCulture))).ToList());

    private static Sen2Setting ReadSetting(XElement e) => new(
        Value(e, "URN"), Value(e, "UKPRN"),
        Value(e, "SENSetting") is { } category ? Enum.Parse<Sen2SettingCategory>(category) : null,
        int.Parse(Value(e, "PlacementRank") ?? "1", CultureInfo.InvariantCulture),
        Indicator(e, "SENUnitIndicator"), Indicator(e, "ResourcedProvisionIndicator"),
        Date(e, "EntryDate"), Date(e, "LeavingDate"));

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Indicator(bool value) => value ? "1" : "0";

    private static string? YesNo(bool? value) => value switch { true => "Y", false => "N", _ => null };

    private static bool? Flag(string? value) => value switch { "Y" => true, "N" => false, _ => null };

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(name, value);

    private static XElement Required(XElement parent, string name) =>
        parent.Element(name) ?? throw new FormatException($"The return has no {name} in {parent.Name.LocalName}.");

    private static string? Value(XElement parent, string name) => parent.Element(name)?.Value is { Length: > 0 } v ? v : null;

    private static DateOnly? Date(XElement parent, string name) =>
        Value(parent, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static DateOnly DateRequired(XElement parent, string name) =>
        Date(parent, name) ?? throw new FormatException($"{parent.Name.LocalName} has no {name}.");

    private static bool Indicator(XElement parent, string name) => Value(parent, name) == "1";
}
