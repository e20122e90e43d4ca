using System.Globalization;
using System.Text;

namespace OpenSend.Testing;

/// <summary>
/// Builds GIAS "all establishment data" files for tests: the real header, in file order
/// (../shared/spec/gias.md), rows given by column name, written in Windows-1252 as GIAS publishes.
/// The establishments are invented.
/// </summary>
public static class GiasFile
{
    public static readonly string[] Header =
    [
        "URN",
        "LA (code)",
        "LA (name)",
        "EstablishmentNumber",
        "EstablishmentName",
        "TypeOfEstablishment (code)",
        "TypeOfEstablishment (name)",
        "EstablishmentTypeGroup (code)",
        "EstablishmentTypeGroup (name)",
        "EstablishmentStatus (code)",
        "EstablishmentStatus (name)",
        "ReasonEstablishmentOpened (code)",
        "ReasonEstablishmentOpened (name)",
        "OpenDate",
        "ReasonEstablishmentClosed (code)",
        "ReasonEstablishmentClosed (name)",
        "CloseDate",
        "PhaseOfEducation (code)",
        "PhaseOfEducation (name)",
        "StatutoryLowAge",
        "StatutoryHighAge",
        "Boarders (code)",
        "Boarders (name)",
        "NurseryProvision (name)",
        "OfficialSixthForm (code)",
        "OfficialSixthForm (name)",
        "Gender (code)",
        "Gender (name)",
        "ReligiousCharacter (code)",
        "ReligiousCharacter (name)",
        "ReligiousEthos (name)",
        "Diocese (code)",
        "Diocese (name)",
        "AdmissionsPolicy (code)",
        "AdmissionsPolicy (name)",
        "SchoolCapacity",
        "SpecialClasses (code)",
        "SpecialClasses (name)",
        "CensusDate",
        "NumberOfPupils",
        "NumberOfBoys",
        "NumberOfGirls",
        "PercentageFSM",
        "TrustSchoolFlag (code)",
        "TrustSchoolFlag (name)",
        "Trusts (code)",
        "Trusts (name)",
        "SchoolSponsorFlag (name)",
        "SchoolSponsors (name)",
        "FederationFlag (name)",
        "Federations (code)",
        "Federations (name)",
        "UKPRN",
        "FEHEIdentifier",
        "FurtherEducationType (name)",
        "OfstedLastInsp",
        "OfstedSpecialMeasures (code)",
        "OfstedSpecialMeasures (name)",
        "LastChangedDate",
        "Street",
        "Locality",
        "Address3",
        "Town",
        "County (name)",
        "Postcode",
        "SchoolWebsite",
        "TelephoneNum",
        "HeadTitle (name)",
        "HeadFirstName",
        "HeadLastName",
        "HeadPreferredJobTitle",
        "BSOInspectorateName (name)",
        "InspectorateReport",
        "DateOfLastInspectionVisit",
        "NextInspectionVisit",
        "TeenMoth (name)",
        "TeenMothPlaces",
        "CCF (name)",
        "SENPRU (name)",
        "EBD (name)",
        "PlacesPRU",
        "FTProv (name)",
        "EdByOther (name)",
        "Section41Approved (name)",
        "SEN1 (name)",
        "SEN2 (name)",
        "SEN3 (name)",
        "SEN4 (name)",
        "SEN5 (name)",
        "SEN6 (name)",
        "SEN7 (name)",
        "SEN8 (name)",
        "SEN9 (name)",
        "SEN10 (name)",
        "SEN11 (name)",
        "SEN12 (name)",
        "SEN13 (name)",
        "TypeOfResourcedProvision (name)",
        "ResourcedProvisionOnRoll",
        "ResourcedProvisionCapacity",
        "SenUnitOnRoll",
        "SenUnitCapacity",
        "GOR (code)",
        "GOR (name)",
        "DistrictAdministrative (code)",
        "DistrictAdministrative (name)",
        "AdministrativeWard (code)",
        "AdministrativeWard (name)",
        "ParliamentaryConstituency (code)",
        "ParliamentaryConstituency (name)",
        "UrbanRural (code)",
        "UrbanRural (name)",
        "GSSLACode (name)",
        "Easting",
        "Northing",
        "MSOA (name)",
        "LSOA (name)",
        "InspectorateName (name)",
        "SENStat",
        "SENNoStat",
        "BoardingEstablishment (name)",
        "PropsName",
        "PreviousLA (code)",
        "PreviousLA (name)",
        "PreviousEstablishmentNumber",
        "OfstedRating (name)",
        "RSCRegion (name)",
        "Country (name)",
        "UPRN",
        "SiteName",
        "QABName (code)",
        "QABName (name)",
        "EstablishmentAccredited (code)",
        "EstablishmentAccredited (name)",
        "QABReport",
        "CHNumber",
        "MSOA (code)",
        "LSOA (code)",
        "FSM",
    ];

    static GiasFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An open community primary school in LA 999, ages 4 to 11, with the given overrides.</summary>
    public static Dictionary<string, string> School(string urn, string name, params (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["URN"] = urn,
            ["LA (code)"] = "999",
            ["LA (name)"] = "Demoshire",
            ["EstablishmentNumber"] = (2000 + (int.TryParse(urn, CultureInfo.InvariantCulture, out var n) ? n % 7000 : 0)).ToString(CultureInfo.InvariantCulture),
            ["EstablishmentName"] = name,
            ["TypeOfEstablishment (code)"] = "1",
            ["TypeOfEstablishment (name)"] = "Community school",
            ["EstablishmentTypeGroup (name)"] = "Local authority maintained schools",
            ["EstablishmentStatus (code)"] = "1",
            ["EstablishmentStatus (name)"] = "Open",
            ["OpenDate"] = "",
            ["PhaseOfEducation (name)"] = "Primary",
            ["StatutoryLowAge"] = "4",
            ["StatutoryHighAge"] = "11",
            ["SchoolCapacity"] = "420",
            ["NumberOfPupils"] = "398",
            ["TypeOfResourcedProvision (name)"] = "Not applicable",
            ["Section41Approved (name)"] = "Not applicable",
            ["Street"] = "School Lane",
            ["Town"] = "Demotown",
            ["Postcode"] = "DE1 1AA",
            ["Easting"] = "450000",
            ["Northing"] = "300000",
            ["LastChangedDate"] = "01-09-2025",
        };
        foreach (var (column, value) in values)
        {
            row[column] = value;
        }

        return row;
    }

    /// <summary>Writes the header and rows (CSV-quoted where GIAS quotes) to a new temporary file and returns its path.</summary>
    public static string Write(IEnumerable<IReadOnlyDictionary<string, string>> rows, Encoding? encoding = null, string[]? header = null)
    {
        header ??= Header;
        var path = Path.Combine(Path.GetTempPath(), $"edubasealldata-{Guid.NewGuid():N}.csv");
        using var writer = new StreamWriter(path, false, encoding ?? Encoding.GetEncoding(1252));
        writer.Write(string.Join(",", header.Select(Quote)) + "\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(",", header.Select(c => Quote(row.TryGetValue(c, out var v) ? v : string.Empty))) + "\r\n");
        }

        return path;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
